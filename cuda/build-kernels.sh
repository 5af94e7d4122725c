#!/usr/bin/env bash
# Regenerates the CUDA kernels' machine code from cuda/src/main/cuda/ (hybridta.cu, the translation unit, and the
# family files it includes):
#
#   cuda/build-kernels.sh            # needs nvcc 13.0 (it made the checked-in files); about a minute
#
#   src/main/cuda/hybridta.ptx                               PTX for compute_80; first line: the SHA-256 of the
#                                                            sources (every *.cu and *.cuh in name order: the
#                                                            name, a newline, the bytes)
#   src/main/resources/org/hybridta/cuda/hybridta.fatbin     what the backend loads (cuModuleLoadData): SASS for
#                                                            sm_80, sm_90, sm_100 and sm_120, compiled by ptxas from
#                                                            that very PTX, plus the PTX itself for every other GPU
#   src/main/resources/org/hybridta/cuda/hybridta.fatbin.txt its record: the hashes of sources, PTX and fatbin, the
#                                                            command, the architectures with SASS
#
# PtxSourceTest fails when they no longer match the sources (and, where nvcc is installed, rebuilds the PTX and the
# fatbin's PTX image and compares; -Dhybridta.fatbin.rebuild=true rebuilds the whole fatbin), so a kernel change must
# be followed by this script. Options, and why:
#   -arch=compute_80   8.0 is the oldest architecture with cp.async, the asynchronous global-to-shared copy the
#                      kernels stream their inputs with. The SASS is compiled from this PTX (what the driver's JIT
#                      would do, ahead of time): a GPU with SASS in the fatbin loads it without any JIT (no seconds
#                      of compilation at the first CUDA call, no JIT cache needed); others JIT the PTX.
#   -fmad=false        no fused multiply-add contraction (nvcc, and ptxas for the SASS): every operation rounds like
#                      Java's double arithmetic, so double results equal the CPU backend's (TA-Lib's order).
#   -std=c++17 -O3     the source uses constexpr templates and lambdas.
#   -compress-all --compress-mode=size   9 MB of images in 0.9 MB; the driver (580+) decompresses in milliseconds.
# Also prints ptxas's resource report for sm_90 (registers, spills, shared memory) unless --quiet.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir="$here/src/main/cuda"
res="$here/src/main/resources/org/hybridta/cuda"
ptx="$dir/hybridta.ptx"
SASS="sm_80,sm_90,sm_100,sm_120"
FATBIN_FLAGS="-fatbin -fmad=false -arch=compute_80 -code=$SASS,compute_80 -Xfatbin -compress-all --compress-mode=size"
sha=$(cd "$dir" && for f in $(ls -- *.cu *.cuh | LC_ALL=C sort); do printf '%s\n' "$f"; cat "$f"; done | sha256sum | cut -d' ' -f1)
nvccVersion=$(nvcc --version | sed -n 's/.*release \([0-9.]*\).*/\1/p')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nvcc -ptx -arch=compute_80 -fmad=false -std=c++17 -O3 -o "$tmp/k.ptx" "$dir/hybridta.cu"
{ echo "// kernels sha256 $sha"; echo "// nvcc $nvccVersion -ptx -arch=compute_80 -fmad=false -std=c++17 -O3"; cat "$tmp/k.ptx"; } > "$ptx"
# the fatbin from the checked-in PTX file itself (its hash line included), so that the chain sources -> PTX -> fatbin
# is checked link by link
cp "$ptx" "$tmp/hybridta.ptx"
(cd "$tmp" && nvcc $FATBIN_FLAGS -o hybridta.fatbin hybridta.ptx)
cp "$tmp/hybridta.fatbin" "$res/hybridta.fatbin"
{
  echo "kernels sha256 $sha"
  echo "ptx sha256 $(sha256sum "$ptx" | cut -d' ' -f1)"
  echo "fatbin sha256 $(sha256sum "$res/hybridta.fatbin" | cut -d' ' -f1)"
  echo "sass ${SASS//,/ }"
  echo "ptx-target compute_80"
  echo "command nvcc $nvccVersion $FATBIN_FLAGS -o hybridta.fatbin hybridta.ptx"
} > "$res/hybridta.fatbin.txt"
if [ "${1:-}" != "--quiet" ]; then
  ptxas -arch=sm_90 -v -o /dev/null "$tmp/k.ptx" 2>&1 | grep -E "Compiling|registers|spill" | paste - - - | \
    sed -E 's/ptxas info *: //g; s/Compiling entry function//; s/Function properties for [a-z_0-9]*//' | awk '{$1=$1};1'
fi
echo "wrote $ptx and $res/hybridta.fatbin ($(stat -c %s "$res/hybridta.fatbin") bytes; sources sha256 $sha)"
