#!/usr/bin/env bash
# Builds the stand-in CUDA 13 libraries for CublasFakeLibrariesTest into OUTDIR: libcublas.so.13 (fake_cublas13.c),
# and empty libcublasLt.so.13, libcudart.so.13 and libcuda.so.1 that JavaCPP's JNI libraries link but this test never
# calls. Each with the version node the real one has, so that the dynamic linker accepts it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build-fakes.sh OUTDIR}
mkdir -p "$out"
gcc -O1 -fPIC -shared -Wall -Werror -o "$out/libcublas.so.13" -Wl,-soname,libcublas.so.13 -Wl,--version-script="$here/fake_cublas13.map" "$here/fake_cublas13.c"
for lib in libcublasLt.so.13 libcudart.so.13; do
  printf '%s { global: hybridta_fake_library; local: *; };\n' "$lib" > "$out/$lib.map"
  gcc -fPIC -shared -o "$out/$lib" -Wl,-soname,$lib -Wl,--version-script="$out/$lib.map" "$here/fake_empty.c"
done
gcc -fPIC -shared -o "$out/libcuda.so.1" -Wl,-soname,libcuda.so.1 "$here/fake_empty.c"
