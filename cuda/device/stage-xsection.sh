#!/usr/bin/env bash
# Stages the cross-sectional GPU run (xsection-gpu-run.sh) into .device/ at the root of this checkout: what
# stage-gpu.sh stages (a Java runtime, the cuda module's jars and tests, the benchmarks), plus the forwarding
# libcublas.so.12 for JCublas (built here with gcc: the GPU machine has no compiler), and
# the run script. Then, with the device tool, carrying .device:
#   bash .device/xsection-gpu-run.sh
#   cuda/device/stage-xsection.sh
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
bash cuda/device/stage-gpu.sh
bash cuda/device/cublas12-shim/build.sh .device/shim
cp cuda/device/xsection-gpu-run.sh .device/
du -sh .device | awk '{print "staged .device/ (" $1 ", must stay under 64 MiB); on the GPU machine: bash .device/xsection-gpu-run.sh"}'
