#!/usr/bin/env bash
# Builds .bundle/box.tar.xz: what ocular needs on a bare NVIDIA box without Java, Vulkan loader or network
# (../shared/notes/gpu-box.md, docs/perf/README.md): a jlink'ed Java runtime, the distribution's jars minus the
# dashboard's web assets, and the Debian packages of the Vulkan loader and GLVND (the NVIDIA ICD needs GLVND).
# The archive stays under the device tool's 64 MiB carry limit: the runtime is linked uncompressed and then xz'ed,
# which packs it about 40 % smaller than jlink's own zip compression.
#
#   tools/gpu-box/bundle.sh          (on the development host, after `./ocular build`)
#   then on the box: tools/gpu-box/run.sh OCULAR-ARGS...   (see that script)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIST="$REPO/compositor/target/dist/lib"
# A JDK >= 21 with jlink. Temurin's builds link against an old glibc, so its runtime starts on the box's Ubuntu too;
# the sysroot's Debian-testing JDK needs a newer glibc than the box has.
JDK=${OCULAR_BUNDLE_JDK:-}
if [ -z "$JDK" ]; then
    for candidate in /usr/lib/jvm/temurin-*; do
        [ -x "$candidate/bin/jlink" ] && JDK=$candidate
    done
fi
[ -x "$JDK/bin/jlink" ] || { echo "bundle: no JDK with jlink (set OCULAR_BUNDLE_JDK)" >&2; exit 2; }
[ -d "$DIST" ] || { echo "bundle: $DIST missing: run ./ocular build first" >&2; exit 2; }

stage=$(mktemp -d /tmp/ocular-bundle.XXXXXX)
trap 'rm -rf "$stage"' EXIT
# java.desktop: ImageIO writes the PNGs (heatmaps, loss plot); java.sql/naming/management: Jackson and Jetty classes
# reachable from the CLI's class graph.
"$JDK/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,\
jdk.unsupported,jdk.zipfs --strip-debug --no-header-files --no-man-pages --output "$stage/box/jre"
strip --strip-unneeded "$stage"/box/jre/lib/server/libjvm.so "$stage"/box/jre/lib/*.so 2>/dev/null || true
mkdir -p "$stage/box/lib" "$stage/box/debs"
for jar in "$DIST"/*.jar; do
    case "$(basename "$jar")" in
        echarts-*|zrender-*|tslib-*) ;;   # the dashboard's JavaScript: not used by bench, eval or train
        *) cp "$jar" "$stage/box/lib/" ;;
    esac
done
(cd "$stage/box/debs" && apt-get download -q libvulkan1 libglvnd0 libegl1 libgl1 libglx0 libopengl0 libgles2 >/dev/null)
git -C "$REPO" rev-parse HEAD > "$stage/box/commit"
mkdir -p "$REPO/.bundle"
tar -cJf "$REPO/.bundle/box.tar.xz.tmp" -C "$stage" box
mv "$REPO/.bundle/box.tar.xz.tmp" "$REPO/.bundle/box.tar.xz"
echo "bundle: $(du -h "$REPO/.bundle/box.tar.xz" | cut -f1) in .bundle/box.tar.xz (commit $(cat "$stage/box/commit"))"
