#!/usr/bin/env bash
# On a bare NVIDIA box (run from the repository root with .bundle/box.tar.xz carried along): unpacks the bundle,
# installs the Vulkan loader and GLVND into / (the box is disposable), points the loader at the NVIDIA ICD and runs
# one ocular command per argument, each a quoted argument string, logging line by line to $OUT/log.txt.
#
#   tools/gpu-box/run.sh "info --json > \$OUT/info.json" "bench net --path all --size 1032x1104 --json > \$OUT/b.json"
set -uo pipefail
OUT=${OUT:-/tmp/ocular-out}
mkdir -p "$OUT"
BOX=/tmp/ocular-box
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }
if [ ! -x "$BOX/jre/bin/java" ]; then
    mkdir -p "$BOX" && tar -xJf .bundle/box.tar.xz -C /tmp && mv /tmp/box/* "$BOX"/ || { log "unpack failed"; exit 1; }
    for deb in "$BOX"/debs/*.deb; do dpkg -x "$deb" / ; done
    ldconfig
fi
ICD=${VK_DRIVER_FILES:-$(ls /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
    /etc/vulkan/icd.d/nvidia_icd.json 2>/dev/null | head -n 1)}
export VK_DRIVER_FILES=$ICD
log "bundle commit $(cat "$BOX/commit"), ICD ${ICD:-none}"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | tee -a "$OUT/machine.txt"
nproc | sed 's/^/cpus /' | tee -a "$OUT/machine.txt"
ocular() {
    "$BOX/jre/bin/java" -Xss4m -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED ${OCULAR_JAVA_OPTS:-} \
        -Docular.repo="$PWD" -cp "$BOX/lib/*" dev.ocular.compositor.cli.Main "$@"
}
export -f ocular
export BOX OUT
status=0
for cmd in "$@"; do
    log "ocular $cmd"
    start=$(date +%s)
    bash -c "ocular $cmd" 2>&1 | stdbuf -oL tail -n 40 >> "$OUT/log.txt"
    rc=${PIPESTATUS[0]}
    log "rc $rc after $(( $(date +%s) - start )) s"
    [ "$rc" = 0 ] || status=1
done
exit $status
