#!/usr/bin/env bash
# Checks the sysroot bookkeeping without building one: readiness by stamp, and removal of interrupted builds.
# Run by the test suite (SimSysrootScriptTest); exits non-zero with a message on the first failed check.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OCULAR_SYSROOT="$tmp/sysroot"
# shellcheck source=sysroot.sh
source "$here/sysroot.sh"
fail() { echo "selftest: $*" >&2; exit 1; }

sim_is_ready && fail "a missing sysroot counted as ready"
mkdir -p "$OCULAR_SYSROOT"
sim_is_ready && fail "a sysroot without a stamp counted as ready"
echo "0000000000000000" >"$OCULAR_SYSROOT/.ocular-stamp"
sim_is_ready && fail "a sysroot with another package list's stamp counted as ready"
sim_stamp >"$OCULAR_SYSROOT/.ocular-stamp"
sim_is_ready || fail "a sysroot with the current stamp did not count as ready"

mkdir -p "$OCULAR_SYSROOT.build.abc123/usr" "$OCULAR_SYSROOT.old.42"
touch "$OCULAR_SYSROOT.build.abc123.log"
sim_remove_interrupted 2>/dev/null
[ -e "$OCULAR_SYSROOT.build.abc123" ] && fail "an interrupted build directory was left in place"
[ -e "$OCULAR_SYSROOT.old.42" ] && fail "a half-replaced old sysroot was left in place"
[ -e "$OCULAR_SYSROOT.build.abc123.log" ] || fail "the interrupted build's log was removed"
[ -d "$OCULAR_SYSROOT" ] || fail "the finished sysroot was removed"
echo "selftest: ok"
