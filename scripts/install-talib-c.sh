#!/usr/bin/env bash
# Builds TA-Lib's C library (0.6.0-dev, the reference every conformance test and the JMH benchmarks
# compare with) from the sources in the npm package talib@2.0.5, pinned by SHA-256:
#   1. fetch the tarball (curl from the npm registry, else `npm pack`; or a local copy named by
#      HYBRIDTA_TALIB_TGZ for machines without network), verify its SHA-256;
#   2. gcc -O3 -fPIC: ta_common, ta_func and ta_abstract into one shared library, libta-lib.so, beside
#      TA-Lib's headers and a BUILD-INFO file, in a cache folder outside the repository:
#      ${XDG_CACHE_HOME:-$HOME/.cache}/hybridta/talib-c-0.6.0-<sha8>/;
#   3. write the library's path into <cache>/hybridta/talib-c.path, the file the Java binding
#      (org.hybridta.conformance.TaLibC, core's test-jar) reads unless -Dhybridta.talib.c names a library.
# No -march, no -ffast-math, -ffp-contract=off: every operation rounds as written (no FMA), as in Java, so
# the values are those of a default x86-64 build of TA-Lib (what python's talib links) on every machine.
# docs/architecture.md, "References".
# Idempotent and non-interactive: when the library is built, a second run only checks (well under 1 s).
set -euo pipefail

PACKAGE=talib
PACKAGE_VERSION=2.0.5
TALIB_VERSION=0.6.0
SHA256=b73e2a382d0937e7a9e889c6e1285d811747b3a78365f325493889cb7b302cde
URL="https://registry.npmjs.org/$PACKAGE/-/$PACKAGE-$PACKAGE_VERSION.tgz"
CFLAGS=(-O3 -fPIC -ffp-contract=off)

# the XDG rule (an absolute XDG_CACHE_HOME only), as the Java side (TaLibC) and the CLI's cache read it
if [[ "${XDG_CACHE_HOME:-}" == /* ]]; then CACHE_ROOT="$XDG_CACHE_HOME/hybridta"; else CACHE_ROOT="$HOME/.cache/hybridta"; fi
DEST="$CACHE_ROOT/talib-c-$TALIB_VERSION-${SHA256:0:8}"
LIB="$DEST/libta-lib.so"
POINTER="$CACHE_ROOT/talib-c.path"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

point_at_lib() {
    if [[ "$(cat "$POINTER" 2>/dev/null || true)" != "$LIB" ]]; then
        printf '%s\n' "$LIB" >"$POINTER.tmp.$$"
        mv -f "$POINTER.tmp.$$" "$POINTER"
    fi
}

# --- fast path: nothing to do ---------------------------------------------------------------------------
# (BUILD-INFO names the flags: a build with other flags is done again)
if [[ -f "$LIB" ]] && grep -qxF "flags ${CFLAGS[*]}" "$DEST/BUILD-INFO" 2>/dev/null; then
    mkdir -p "$CACHE_ROOT"
    point_at_lib
    say "TA-Lib C $TALIB_VERSION (npm $PACKAGE@$PACKAGE_VERSION) is built: $LIB"
    exit 0
fi

command -v gcc >/dev/null 2>&1 || die "gcc not found: it builds TA-Lib's C library (apt-get install gcc)"
command -v tar >/dev/null 2>&1 || die "tar not found: it unpacks TA-Lib's sources"
command -v sha256sum >/dev/null 2>&1 || die "sha256sum not found (coreutils): it checks TA-Lib's download"

mkdir -p "$CACHE_ROOT"
work="$(mktemp -d "$CACHE_ROOT/.talib-c-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --- 1. the pinned tarball ------------------------------------------------------------------------------
tgz="$work/$PACKAGE-$PACKAGE_VERSION.tgz"
if [[ -n "${HYBRIDTA_TALIB_TGZ:-}" ]]; then
    [[ -f "$HYBRIDTA_TALIB_TGZ" ]] || die "HYBRIDTA_TALIB_TGZ=$HYBRIDTA_TALIB_TGZ: no such file"
    cp "$HYBRIDTA_TALIB_TGZ" "$tgz"
elif command -v curl >/dev/null 2>&1; then
    say "downloading $URL"
    curl -fsSL --retry 3 -o "$tgz" "$URL" || die "download of $URL failed (curl); or set HYBRIDTA_TALIB_TGZ to a local copy"
elif command -v npm >/dev/null 2>&1; then
    say "npm pack $PACKAGE@$PACKAGE_VERSION"
    (cd "$work" && npm pack --silent "$PACKAGE@$PACKAGE_VERSION" >/dev/null 2>"$work/npm.log") \
        || { cat "$work/npm.log" >&2; die "npm pack $PACKAGE@$PACKAGE_VERSION failed"; }
else
    die "neither curl nor npm found: one of them fetches TA-Lib's sources ($URL)"
fi
actual="$(sha256sum "$tgz" | cut -d' ' -f1)"
[[ "$actual" == "$SHA256" ]] || die "$PACKAGE-$PACKAGE_VERSION.tgz has SHA-256 $actual, expected $SHA256: refusing to build it"

# --- 2. build -------------------------------------------------------------------------------------------
tar -xzf "$tgz" -C "$work" package/src/lib/include package/src/lib/src package/COPYING
src="$work/package/src/lib/src"
abstract="$src/ta_abstract"
sources=("$src"/ta_common/*.c "$src"/ta_func/*.c
         "$abstract"/ta_abstract.c "$abstract"/ta_def_ui.c "$abstract"/ta_func_api.c "$abstract"/ta_group_idx.c
         "$abstract"/frames/ta_frame.c "$abstract"/tables/table_*.c)
includes=(-I"$work/package/src/lib/include" -I"$src/ta_common" -I"$src/ta_func"
          -I"$abstract" -I"$abstract/frames" -I"$abstract/tables")
say "building TA-Lib C $TALIB_VERSION: gcc ${CFLAGS[*]}, ${#sources[@]} files (half a minute on 2 cores)"
mkdir -p "$work/obj" "$work/out/include"
# the sources in as many parts as there are cores, one gcc per part; objects land in obj/ by basename
jobs="$(nproc 2>/dev/null || echo 2)"
pids=()
for ((j = 0; j < jobs; j++)); do
    part=()
    for ((i = j; i < ${#sources[@]}; i += jobs)); do part+=("${sources[i]}"); done
    (cd "$work/obj" && exec gcc "${CFLAGS[@]}" "${includes[@]}" -c "${part[@]}") 2>"$work/gcc-$j.log" &
    pids+=($!)
done
failed=
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[[ -z "$failed" ]] || { cat "$work"/gcc-*.log >&2; die "gcc failed on TA-Lib's sources"; }
gcc -shared "${CFLAGS[@]}" -o "$work/out/libta-lib.so" "$work"/obj/*.o -lm 2>"$work/ld.log" \
    || { cat "$work/ld.log" >&2; die "linking libta-lib.so failed"; }
cp "$work"/package/src/lib/include/*.h "$work/out/include/"
cp "$work/package/COPYING" "$work/out/COPYING"
cat >"$work/out/BUILD-INFO" <<EOF
TA-Lib C $TALIB_VERSION-dev from npm $PACKAGE@$PACKAGE_VERSION ($URL)
sha256 $SHA256
flags ${CFLAGS[*]}
compiler $(gcc --version | head -n 1)
built by HybridTA scripts/install-talib-c.sh on $(uname -m)
EOF

# --- 3. into place (a rename: a reader sees the whole folder or none) -----------------------------------
if [[ -e "$DEST" ]]; then rm -rf "$DEST"; fi          # a half-finished folder from a killed older version
mv "$work/out" "$DEST" 2>/dev/null || [[ -f "$LIB" ]] || die "cannot move the build to $DEST"
point_at_lib
say "done: $LIB"
