#!/usr/bin/env bash
# Builds the forwarding libcublas.so.12 (see cublas12_shim.c) into OUTDIR.
#   cuda/device/cublas12-shim/build.sh OUTDIR
# Needs gcc; the result needs only glibc (libdl, libpthread) and, at run time, libcublas.so.13.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTDIR}
mkdir -p "$out"
gcc -O2 -fPIC -shared -Wall -Wextra -Werror -o "$out/libcublas.so.12" -Wl,-soname,libcublas.so.12 \
    -Wl,--version-script="$here/libcublas.so.12.map" "$here/cublas12_shim.c" -ldl -lpthread
echo "built $out/libcublas.so.12 (exports: $(readelf --dyn-syms -W "$out/libcublas.so.12" | awk '$7 != "UND" && /cublas/ {print $8}' | tr '\n' ' '))"
