#!/usr/bin/env bash
# Runs on the GPU machine from a staged folder (see docs/benchmarks.md, "Repeating the CUDA measurements"):
#   bash .device-cuda/gpu-run.sh tests|bench|all [JMH_SELECTION_ARGS...]
# Writes under $OUT: tests.log, junit XML, jmh.json, jmh.log; prints a short summary last.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/out}; mkdir -p "$out"
what=${1:-all}; shift || true
[ -x /tmp/jre/bin/java ] || tar -C /tmp -xJf "$here/jre.tar.xz"
export PATH=/tmp/jre/bin:$PATH
nvidia-smi --query-gpu=name,driver_version,memory.total,pcie.link.gen.max,pcie.link.width.max,clocks.max.sm --format=csv | tee "$out/device.txt"
nproc | sed 's/^/host cores: /' | tee -a "$out/device.txt"
summary=()
if [ "$what" = tests ] || [ "$what" = all ]; then
  start=$(date +%s)
  bash "$here/run.sh" tests > "$out/tests.log" 2>&1
  rc=$?
  summary+=("tests: exit $rc in $(( $(date +%s) - start )) s: $(grep -E 'tests (successful|failed|skipped|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
fi
if [ "$what" = bench ] || [ "$what" = all ]; then
  start=$(date +%s)
  cp=$(printf '%s:' "$here"/lib/*.jar); cp=${cp%:}
  java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$@" -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1
  rc=$?
  summary+=("jmh: exit $rc in $(( $(date +%s) - start )) s")
fi
echo "===== failures (if any)"
grep -E "MethodSource|✘|Exception|Error" "$out/tests.log" 2>/dev/null | head -40
echo "===== jmh results"
sed -n '/^Benchmark /,$p' "$out/jmh.log" 2>/dev/null | tail -60
echo "===== summary"
printf '%s\n' "${summary[@]}"
