#!/usr/bin/env bash
# Regenerates the checked-in PTX of a translation unit of its own: cuda/src/main/cuda/sweep.cu (the default) or
# stream.cu (with the header it includes, stream_originals.cuh).
#
#   cuda/build-sweep-ptx.sh [sweep|stream]    # needs nvcc (CUDA 13.0 made the checked-in files)
#
# Writes src/main/resources/org/hybridta/cuda/NAME.ptx with the SHA-256 of the sources in its first
# line (NAME.cu alone for sweep; for stream, every stream*.cu* in name order: the name, a newline, the bytes);
# SweepPtxTest and StreamPtxTest fail when they no longer match, so a kernel change must be followed by this
# script. Options, and why:
#   -arch=compute_80   PTX for the virtual architecture 8.0: the driver JIT-compiles it for the GPU at
#                      hand (Ampere, Ada, Hopper, Blackwell). 8.0 is the oldest with cp.async, the
#                      asynchronous global-to-shared copy the kernels stream their inputs with.
#   -fmad=false        no fused multiply-add contraction: every operation rounds like Java's double
#                      arithmetic, so double results equal the CPU backend's (TA-Lib's order of operations).
#   -std=c++17 -O3     the source uses constexpr templates and lambdas.
# Also prints ptxas's resource report for sm_90 (registers, spills, shared memory) to check the kernels.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=sweep
case "${1:-}" in sweep|stream) name=$1; shift ;; ""|--quiet) ;; *) echo "usage: $0 [sweep|stream] [--quiet]" >&2; exit 2 ;; esac
src="$here/src/main/cuda/$name.cu"
out="$here/src/main/resources/org/hybridta/cuda/$name.ptx"
if [ "$name" = sweep ]; then
  sha=$(sha256sum "$src" | cut -d' ' -f1)
else
  sha=$(cd "$here/src/main/cuda" && for f in $(ls -- stream*.cu stream*.cuh | LC_ALL=C sort); do printf '%s\n' "$f"; cat "$f"; done | sha256sum | cut -d' ' -f1)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nvcc -ptx -arch=compute_80 -fmad=false -std=c++17 -O3 -o "$tmp/k.ptx" "$src"
{ echo "// $name.cu sha256 $sha"; echo "// nvcc $(nvcc --version | sed -n 's/.*release \([0-9.]*\).*/\1/p') -ptx -arch=compute_80 -fmad=false -std=c++17 -O3"; cat "$tmp/k.ptx"; } > "$out"
if [ "${1:-}" != "--quiet" ]; then
  ptxas -arch=sm_90 -v -o /dev/null "$tmp/k.ptx" 2>&1 | grep -E "Compiling|registers|spill" | paste - - - | \
    sed -E 's/ptxas info *: //g; s/Compiling entry function//; s/Function properties for [a-z_0-9]*//' | awk '{$1=$1};1'
fi
echo "wrote $out (source sha256 $sha)"
