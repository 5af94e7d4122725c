#!/usr/bin/env bash
# Runs on the GPU machine from the folder staged by stage-gpu.sh (see docs/benchmarks.md):
#   bash .device-cuda/gpu-run.sh tests                   # the cuda module's JUnit tests, GPU tests included
#   bash .device-cuda/gpu-run.sh jmh NAME JMH_ARGS...    # one JMH run, results in $OUT/NAME.json
#   bash .device-cuda/gpu-run.sh all                     # tests, then every CUDA benchmark except the largest crossover panel
#   bash .device-cuda/gpu-run.sh large                   # the 10,000 x 25,000 crossover panel, single shot
#   bash .device-cuda/gpu-run.sh final                   # tests and every benchmark set but the kernel-only one
# Writes under $OUT: device.txt, tests.log, NAME.json, jmh.log; prints a short summary last.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/out}; mkdir -p "$out"
what=${1:-all}; shift || true
[ -x /tmp/jre/bin/java ] || tar -C /tmp -xJf "$here/jre.tar.xz"
export PATH=/tmp/jre/bin:$PATH
cp=$(printf '%s:' "$here"/lib/*.jar); cp=${cp%:}
[ -f "$out/device.txt" ] || { nvidia-smi --query-gpu=name,driver_version,memory.total,pcie.link.gen.max,pcie.link.width.max,clocks.max.sm --format=csv; nproc | sed 's/^/host cores: /'; free -g | sed -n 2p; } > "$out/device.txt"
summary=()
tests() {
  local start=$(date +%s)
  bash "$here/run.sh" tests > "$out/tests.log" 2>&1
  local rc=$?
  rm -rf "$out/junit"  # the tree in tests.log says it all, and files coming back are few
  summary+=("tests: exit $rc in $(( $(date +%s) - start )) s: $(grep -E 'tests (successful|failed|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
}
jmh() {
  local name=$1; shift
  local start=$(date +%s)
  java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$@" -rf json -rff "$out/$name.json" >> "$out/jmh.log" 2>&1
  summary+=("jmh $name: exit $? in $(( $(date +%s) - start )) s")
}
small=1x252,10x2520,100x2520,1000x2520,10000x2520
case "$what" in
  tests) tests ;;
  jmh) jmh "$@" ;;
  all)
    tests
    jmh kernels CudaKernelBenchmarks CudaCopyBenchmarks CudaTransferBenchmarks
    jmh crossover CudaCrossoverBenchmarks -p shape=$small
    jmh persymbol CudaPerSymbolBenchmarks
    ;;
  large) jmh large CudaCrossoverBenchmarks -p shape=10000x25000 -bm ss -wi 1 -i 1 -f 1 ;;
  final)  # everything but the kernel-only set
    tests
    jmh transfer CudaTransferBenchmarks
    jmh crossover CudaCrossoverBenchmarks -p shape=$small
    jmh persymbol CudaPerSymbolBenchmarks
    jmh large CudaCrossoverBenchmarks -p shape=10000x25000 -bm ss -wi 1 -i 1 -f 1
    ;;
  *) echo "gpu-run.sh: unknown $what"; exit 2 ;;
esac
echo "===== test failures (if any)"
grep -E "✘" "$out/tests.log" 2>/dev/null | head -20
echo "===== jmh"
grep -E "^(Cuda|Benchmark )" "$out/jmh.log" 2>/dev/null | tail -75
echo "===== summary"
cat "$out/device.txt"
printf '%s\n' "${summary[@]}"
