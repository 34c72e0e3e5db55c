#!/bin/sh
# Runs "$@" with Monado's Simulated HMD (null compositor) serving OpenXR on a private XDG_RUNTIME_DIR, and stops
# Monado when the command ends. Meant to run inside the sim sysroot (see ../../docs/sim.md).
set -u
dir=$(mktemp -d /tmp/ocular-xr.XXXXXX)
chmod 700 "$dir"
log="$dir/monado.log"
XDG_RUNTIME_DIR=$dir XRT_COMPOSITOR_NULL=1 XRT_NO_STDIN=1 monado-service </dev/null >"$log" 2>&1 &
pid=$!
stop() {
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM
i=0
while [ ! -S "$dir/monado_comp_ipc" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "ocular-sim: monado-service exited at start; its log:" >&2
        cat "$log" >&2
        exit 2
    fi
    i=$((i + 1))
    if [ "$i" -gt 200 ]; then
        echo "ocular-sim: monado-service did not open its socket within 20 s (log: $log)" >&2
        exit 2
    fi
    sleep 0.1
done
# Monado's client library logs every instance creation at info level; ocular's output should stay readable.
export XDG_RUNTIME_DIR="$dir" OCULAR_MONADO_PID="$pid" OCULAR_MONADO_LOG="$log" XRT_LOG="${XRT_LOG:-warning}"
"$@"
