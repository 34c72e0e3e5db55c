# shellcheck shell=bash
# The simulated-headset environment: a Debian-testing sysroot with Mesa lavapipe (VK_KHR_cooperative_matrix), Monado,
# the OpenXR loader, validation layers, JDK 21 and Maven. Sourced by ./ocular; see ../../docs/sim.md.
#
# Layout of $OCULAR_SYSROOT (default /var/cache/ocular/sysroot):
#   $OCULAR_SYSROOT            the finished root, only ever created by a rename of a complete build
#   $OCULAR_SYSROOT/.ocular-stamp   hash of packages.txt + this script's recipe version
#   $OCULAR_SYSROOT.build.*    an interrupted build; removed and redone on the next start

SIM_RECIPE_VERSION=1
SIM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${OCULAR_SYSROOT:=/var/cache/ocular/sysroot}"

sim_log() { printf 'ocular-sim: %s\n' "$*" >&2; }
sim_die() { printf 'ocular-sim: %s\n' "$*" >&2; exit 2; }

sim_packages() { grep -v -e '^#' -e '^[[:space:]]*$' "$SIM_DIR/packages.txt"; }

sim_stamp() {
    { echo "recipe $SIM_RECIPE_VERSION"; sim_packages; } | sha256sum | cut -c1-16
}

# The host's own Debian mirror (never a host name written into the repository).
sim_mirror() {
    local uri
    uri=$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -n1)
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
        uri=$(awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list)
    fi
    [ -n "$uri" ] || sim_die "cannot find a Debian mirror in /etc/apt (needed to build the sysroot); set OCULAR_MIRROR"
    echo "${OCULAR_MIRROR:-$uri}"
}

sim_need_root() {
    [ "$(id -u)" = 0 ] || sim_die "the simulated headset needs root (debootstrap, unshare -m, chroot); run as root or with sudo"
}

sim_is_ready() {
    [ -f "$OCULAR_SYSROOT/.ocular-stamp" ] && [ "$(cat "$OCULAR_SYSROOT/.ocular-stamp")" = "$(sim_stamp)" ]
}

# Prints apt's per-package status lines (from APT::Status-Fd) as one compact progress line each.
sim_apt_progress() {
    local kind pkg pct desc
    while IFS=: read -r kind pkg pct desc; do
        case "$kind" in
            dlstatus) printf '  [download %3.0f%%] %s\n' "$pct" "$desc" ;;
            pmstatus) printf '  [install  %3.0f%%] %s\n' "$pct" "$desc" ;;
        esac
    done | awk '{ key = $1 " " int($2 / 10); if (key != last) { print; fflush(); last = key } }'
}

# A leftover build directory means an earlier build was interrupted: it is never used, only removed.
sim_remove_interrupted() {
    local stale
    for stale in "$OCULAR_SYSROOT".build.* "$OCULAR_SYSROOT".old.*; do
        [ -e "$stale" ] || continue
        case "$stale" in *.log) continue ;; esac
        sim_log "removing interrupted sysroot build $stale"
        rm -rf --one-file-system "$stale"
    done
}

sim_build() {
    sim_need_root
    command -v debootstrap >/dev/null || {
        sim_log "installing debootstrap on the host (apt-get install debootstrap)"
        apt-get install -y -q debootstrap >/dev/null || sim_die "could not install debootstrap on the host"
    }
    local parent mirror build start log
    parent=$(dirname "$OCULAR_SYSROOT")
    mkdir -p "$parent"
    sim_remove_interrupted
    mirror=$(sim_mirror)
    build=$(mktemp -d "$OCULAR_SYSROOT.build.XXXXXX")
    log="$build.log"
    start=$(date +%s)
    sim_log "building the simulated-headset sysroot at $OCULAR_SYSROOT (first run only; ~5 min, ~2 GB; log: $log)"
    sim_log "[1/3] debootstrap Debian testing from $mirror"
    debootstrap --variant=minbase testing "$build" "$mirror" >"$log" 2>&1 \
        || { tail -n 20 "$log" >&2; sim_die "debootstrap failed (log: $log)"; }
    cp /etc/resolv.conf "$build/etc/resolv.conf"
    sim_sync_certs "$build" >>"$log" 2>&1
    local apt_opts=(-o Acquire::Check-Valid-Until=false -o APT::Status-Fd=3 -o Dpkg::Use-Pty=0 -q -y)
    sim_log "[2/3] apt-get update"
    sim_chroot "$build" apt-get "${apt_opts[@]}" update 3>/dev/null >>"$log" 2>&1 \
        || { tail -n 20 "$log" >&2; sim_die "apt-get update inside the sysroot failed (log: $log)"; }
    sim_log "[3/3] installing $(sim_packages | wc -l) packages and their dependencies"
    # shellcheck disable=SC2046
    { set -o pipefail; sim_chroot "$build" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install \
        --no-install-recommends $(sim_packages) 3>&1 >>"$log" 2>&1 | sim_apt_progress; } \
        || { tail -n 20 "$log" >&2; sim_die "package installation inside the sysroot failed (log: $log)"; }
    sim_chroot "$build" sh -c 'java -version && mvn -v && vulkaninfo --summary' >>"$log" 2>&1 \
        || { tail -n 20 "$log" >&2; sim_die "the new sysroot does not run java/mvn/vulkaninfo (log: $log)"; }
    sim_chroot "$build" apt-get clean >>"$log" 2>&1
    sim_stamp >"$build/.ocular-stamp"
    if [ -e "$OCULAR_SYSROOT" ]; then
        local old="$OCULAR_SYSROOT.old.$$"
        mv "$OCULAR_SYSROOT" "$old"
        mv "$build" "$OCULAR_SYSROOT"
        rm -rf --one-file-system "$old"
    else
        mv "$build" "$OCULAR_SYSROOT"
    fi
    mv "$log" "$OCULAR_SYSROOT/.ocular-build.log"
    sim_log "sysroot ready in $(( $(date +%s) - start )) s"
}

sim_ensure() {
    if sim_is_ready; then return 0; fi
    if [ -e "$OCULAR_SYSROOT" ]; then
        sim_log "sysroot at $OCULAR_SYSROOT is incomplete or from another package list: rebuilding it"
    fi
    sim_build
}

# The host may trust extra CAs (a TLS-intercepting egress); Maven inside needs them too. Re-synced on every entry
# because the host's set can change; update-ca-certificates runs only when something differs.
sim_sync_certs() {
    local root=$1 src=/usr/local/share/ca-certificates dst="$1/usr/local/share/ca-certificates"
    [ -d "$src" ] || return 0
    mkdir -p "$dst"
    if ! diff -rq "$src" "$dst" >/dev/null 2>&1; then
        rm -rf "$dst"; mkdir -p "$dst"; cp -r "$src/." "$dst/"
        [ -x "$root/usr/sbin/update-ca-certificates" ] && sim_chroot "$root" update-ca-certificates --fresh >/dev/null 2>&1
    fi
    return 0
}

# Runs "$@" chrooted into root $1 with /proc, /dev and /sys mounted (package scripts such as the JDK's need /proc).
sim_chroot() {
    local root=$1; shift
    unshare -m --propagation private -- /bin/sh -c '
        set -e; R=$1; shift
        mount --bind /proc "$R/proc"; mount --rbind /dev "$R/dev"; mount --rbind /sys "$R/sys"
        exec chroot "$R" "$@"' sim "$root" "$@"
}

# Runs "$@" inside the sysroot. The repository, ~/.m2 and /tmp are bind-mounted at their host paths, and so is the
# current directory when it lies elsewhere, so paths given on the command line mean the same inside.
# Mounts are made inside `unshare -m`, so they vanish with the process (never rm -rf the sysroot from in here).
sim_exec() {
    sim_need_root
    sim_ensure
    local repo=$1; shift
    local R=$OCULAR_SYSROOT m2="${HOME:-/root}/.m2" cwd=$PWD
    mkdir -p "$m2" "$R$repo" "$R/root/.m2"
    case "$cwd" in "$repo"|"$repo"/*|/tmp|/tmp/*|/) ;; *) mkdir -p "$R$cwd" ;; esac
    cp /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
    # Without /etc/hosts "localhost" does not resolve inside (chromedriver, HTTP tests).
    cp /etc/hosts "$R/etc/hosts" 2>/dev/null || true
    sim_sync_certs "$R"
    local envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64 LANG=C.UTF-8 OCULAR_IN_SIM=1 "TERM=${TERM:-dumb}")
    local v
    for v in $(compgen -e); do
        case "$v" in OCULAR_*|VK_*|XRT_*|MAVEN_OPTS|CI|COLUMNS) envs+=("$v=${!v}") ;; esac
    done
    unshare -m --propagation private -- /bin/sh -c '
        set -e
        R=$1 repo=$2 m2=$3 cwd=$4; shift 4
        mount --bind /proc "$R/proc"
        mount --rbind /dev "$R/dev"
        mount --rbind /sys "$R/sys"
        mount --bind /tmp "$R/tmp"
        mount --bind "$repo" "$R$repo"
        mount --bind "$m2" "$R/root/.m2"
        case "$cwd" in "$repo"|"$repo"/*|/tmp|/tmp/*|/) ;; *) mount --bind "$cwd" "$R$cwd" ;; esac
        exec chroot "$R" /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$cwd" "$@"
    ' sim "$R" "$repo" "$m2" "$cwd" env -i "${envs[@]}" "$@"
}
