#!/usr/bin/env bash
# The cross-sectional analytics on the GPU machine, in one call of at most 10 minutes, from the folder staged by
# cuda/device/stage-xsection.sh (carry .device):
#   bash .device/xsection-gpu-run.sh            (XSECTION_JMH=0: skip step 4)
# 1. XsectionGpuTest (GPU against CPU) through the product path: JavaCPP's CUDA 13.1 presets on libcublas.so.13;
# 2. XsectionGpuTest through JCublas 12.6, whose libcublas.so.12 is the forwarding shim (shim/) to libcublas.so.13;
# 3. what `auto` chooses with neither forced (the log line of the choice);
# 4. JMH: XsectionBenchmarks (the DSYRK alone, transfers excluded and included, and the correlation through the API),
#    CPU (all cores) and GPU, 500 x 2,520 and 10,000 x 2,520; XsectionReport turns them into TFLOP/s.
# Writes under $OUT: device.txt, tests-javacpp.log, tests-jcublas.log, auto.log, xsection.csv, jmh.log,
# report.txt; prints a short summary last.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/out}; mkdir -p "$out"
[ -x /tmp/jre/bin/java ] || tar -C /tmp -xJf "$here/jre.tar.xz"
export PATH=/tmp/jre/bin:$PATH
cp=$(printf '%s:' "$here"/lib/*.jar); cp=${cp%:}
{ nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv; nproc | sed 's/^/host cores: /'; } > "$out/device.txt" 2>&1

# where CUDA 13's cuBLAS (and runtime) live: the loader's cache, else the usual install places
find_lib() {
  local name=$1 hit
  hit=$(ldconfig -p 2>/dev/null | awk -v n="$name" '$1 == n {print $NF; exit}')
  [ -z "$hit" ] && hit=$(ls /usr/local/cuda*/lib64/"$name" /usr/local/cuda*/targets/x86_64-linux/lib/"$name" /usr/lib/x86_64-linux-gnu/"$name" \
    /usr/local/lib/python3*/dist-packages/nvidia/cu*/lib/"$name" /usr/lib/python3/dist-packages/nvidia/cu*/lib/"$name" 2>/dev/null | head -1)
  echo "$hit"
}
cublas13=$(find_lib libcublas.so.13); cudart13=$(find_lib libcudart.so.13)
libs=""
for f in "$cublas13" "$cudart13"; do [ -n "$f" ] && libs="$libs:$(dirname "$f")"; done
libs=${libs#:}
echo "libcublas.so.13: ${cublas13:-not found}; libcudart.so.13: ${cudart13:-not found}" >> "$out/device.txt"
export JAVA_TOOL_OPTIONS="-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp-cache"
summary=()

gputests() {   # binding, extra LD_LIBRARY_PATH
  local start=$(date +%s)
  (cd "$here" && HYBRIDTA_CUBLAS=$1 LD_LIBRARY_PATH="$2${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout "${TESTS_TIMEOUT:-100}" \
    bash "$here/run.sh" tests --select-class org.hybridta.cuda.XsectionGpuTest) > "$out/tests-$1.log" 2>&1
  local rc=$?
  summary+=("tests $1: exit $rc in $(( $(date +%s) - start )) s: $(grep -E 'tests (successful|failed|aborted|skipped)' "$out/tests-$1.log" | tr -s ' ' | tr '\n' ' ')")
  summary+=("  $(grep -m1 -o '\[xsection GPU\] .*' "$out/tests-$1.log" | cut -c1-400)")
}
gputests javacpp "$libs"
gputests jcublas "$here/shim${libs:+:$libs}"
rm -rf "$out/junit"

# auto, neither forced nor shimmed: what a CUDA-13-only user gets
LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout 30 java -Dorg.slf4j.simpleLogger.defaultLogLevel=info -cp "$cp" \
  org.hybridta.cuda.CudaGramDiagnostics > "$out/auto.log" 2>&1 || true
summary+=("auto: $(grep -m1 '^xsection cuda' "$out/auto.log" | cut -c1-400)")

jmh() {   # name, timeout, JMH args
  local name=$1 limit=$2; shift 2
  local start=$(date +%s)
  LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout "$limit" java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$@" \
    -rf csv -rff "$out/$name.csv" >> "$out/jmh.log" 2>&1
  summary+=("jmh $name: exit $? in $(( $(date +%s) - start )) s")
}
if [ "${XSECTION_JMH:-1}" != 0 ]; then   # XSECTION_JMH=0: the tests and the choice only
  jmh xsection 300 'xsection.XsectionBenchmarks' -wi 1 -i 3
  java -cp "$cp" org.hybridta.benchmarks.xsection.XsectionReport "$out"/xsection.csv > "$out/report.txt" 2>&1
fi

echo "===== test failures (if any)"
grep -hE "✘" "$out"/tests-*.log 2>/dev/null | head -20
grep -h "largest difference" "$out"/tests-*.log 2>/dev/null | sort | uniq -c | sort -rn | head -6
echo "===== jmh"
grep -E "^(Benchmark |XsectionBenchmarks)" "$out/jmh.log" | tail -20
echo "===== TFLOP/s"
cat "$out/report.txt"
echo "===== summary"
cat "$out/device.txt"
printf '%s\n' "${summary[@]}"
