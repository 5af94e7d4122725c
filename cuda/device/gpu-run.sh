#!/usr/bin/env bash
# Runs on the GPU machine from the folder staged by stage-gpu.sh (see docs/benchmarks.md):
#   bash .device-cuda/gpu-run.sh tests                   # the cuda module's JUnit tests, GPU tests included
#   bash .device-cuda/gpu-run.sh jmh NAME JMH_ARGS...    # one JMH run, results in $OUT/NAME.json
#   bash .device-cuda/gpu-run.sh all                     # tests, then every CUDA benchmark except the largest crossover panel
#   bash .device-cuda/gpu-run.sh large                   # the 10,000 x 25,000 crossover panel, single shot
#   bash .device-cuda/gpu-run.sh final                   # tests and every benchmark set but the kernel-only one
#   bash .device-cuda/gpu-run.sh kernels-e2e             # tests, kernel-only, end to end with its phase profile, CUDA crossover
#                                                        # (the CPU backend's rows of the crossover do not change with the kernels)
#   bash .device-cuda/gpu-run.sh quick                   # tests, kernel-only (one JVM, short iterations), end to end, profile:
#                                                        # about 4 minutes
#   bash .device-cuda/gpu-run.sh functions [OPTIONS]     # every catalog function on the CPU against TA-Lib C and ta4j, one
#                                                        # shard per core (function-benchmarks.sh --quick), about 4 minutes:
#                                                        # $OUT/functions/function-benchmarks.md and cpu-functions-ratio.png
#   bash .device-cuda/gpu-run.sh framework               # kernel-only timings of the framework's functions (EMA as a control)
#   bash .device-cuda/gpu-run.sh averages                # the same for the MA-type functions and HT_*, then KernelConformanceGpuTest
#   bash .device-cuda/gpu-run.sh coldstart               # first CUDA compute of fresh processes, JIT cache off (3 runs), and
#                                                        # ColdStartGpuTest, KernelConformanceGpuTest; under a minute
#   bash .device-cuda/gpu-run.sh recheck                 # some kernels, CudaBackendGpuTest and SegmentedPathGpuTest, about 3 minutes
#   bash .device-cuda/gpu-run.sh trend                   # the trend family (trend.cuh): KernelConformanceGpuTest, SegmentedPathGpuTest,
#                                                        # then its kernel-only timings (EMA and the old ADX's ATR as controls)
#   bash .device-cuda/gpu-run.sh catalog                 # every catalog function's kernel alone, 10,000 x 25,000 double, and the
#                                                        # device copy, one JVM (CudaKernelBenchmarks.main): $OUT/catalog.json
#   bash .device-cuda/gpu-run.sh stream                  # the universe tick and peek, 10,000 x 18, CPU (all cores) and CUDA
#   bash .device-cuda/gpu-run.sh sweep                   # SweepBenchmarks (cube, reduced; cubeOnDevice with 8, 32 and 128 streams:
#                                                        # SWEEP_LANES=...), the device copy, ScreenBenchmarks
#   bash .device-cuda/gpu-run.sh adx                     # ADX's kernel alone (segmented), EMA and DX beside it
#   bash .device-cuda/gpu-run.sh sweepcube               # SweepBenchmarks cube, reduced (cpu, cuda), cubeOnDevice and cubeKernels, the device copy
#   bash .device-cuda/gpu-run.sh lanes                   # SweepBenchmarks cubeOnDevice and reduced on 8, 32, 128 streams (SWEEP_LANES=...),
#                                                        # the CPU's reduced form and the device copy beside them
#   bash .device-cuda/gpu-run.sh e2e                     # `hybridta run`, 5,000 synthetic symbols x 10 years, every catalog function,
#                                                        # CSV to /dev/null, CPU then CUDA; the default job cold (JIT cache off): $OUT/e2e.log
#   bash .device-cuda/gpu-run.sh gputests                # the GPU test classes (GPU_TESTS=...), each test as it ends: $OUT/gputests.log
#   bash .device-cuda/gpu-run.sh coldmain                # ColdStartMain in three fresh processes, JIT cache off
#   bash .device-cuda/gpu-run.sh chunks                  # MAVP against the CPU, CudaBackendGpuTest, MAVP's kernel, e2e (the wide
#                                                        # chunks and MAVP's SMA kernel; about 6 minutes)
#   bash .device-cuda/gpu-run.sh plan SECONDS VERB...    # the verbs in order within SECONDS, each limited to the time left (a verb
#                                                        # is skipped when under 40 s remain; TESTS_CAP limits tests); then everything under $OUT but the
#                                                        # logs is packed into results.tar.gz (the device tool returns few files)
# Writes under $OUT: device.txt, tests.log, NAME.json, jmh.log; prints a short summary last.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/out}; mkdir -p "$out"
[ -x /tmp/jre/bin/java ] || tar -C /tmp -xJf "$here/jre.tar.xz"
export PATH=/tmp/jre/bin:$PATH
# the tests' TA-Lib C reference, staged beside the jars
[ -f "$here/talib/libta-lib.so" ] && export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-Dhybridta.talib.c=$here/talib/libta-lib.so"
cp=$(printf '%s:' "$here"/lib/*.jar); cp=${cp%:}
[ -f "$out/device.txt" ] || { nvidia-smi --query-gpu=name,driver_version,memory.total,pcie.link.gen.max,pcie.link.width.max,clocks.max.sm --format=csv; nproc | sed 's/^/host cores: /'; grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name\s*: /host CPU: /'; lscpu 2> /dev/null | grep -E '^(Thread|Core|Socket)\(s\)' | tr -s ' ' | sed 's/^/host /'; free -g | sed -n 2p; } > "$out/device.txt"
summary=()
tests() {
  local start=$(date +%s)
  # from the staged folder: the checkout's CUDA source may be another branch's, which the PTX check would compare
  (cd "$here" && timeout "${TESTS_TIMEOUT:-400}" bash "$here/run.sh" tests) > "$out/tests.log" 2>&1
  local rc=$?
  rm -rf "$out/junit"  # the tree in tests.log says it all, and files coming back are few
  summary+=("tests: exit $rc in $(( $(date +%s) - start )) s: $(grep -E 'tests (successful|failed|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
}
jmh() {
  local name=$1; shift
  local start=$(date +%s)
  timeout "${JMH_TIMEOUT:-1200}" java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$@" -rf json -rff "$out/$name.json" >> "$out/jmh.log" 2>&1
  summary+=("jmh $name: exit $? in $(( $(date +%s) - start )) s")
}
profile() {
  local start=$(date +%s)
  timeout "${PROFILE_TIMEOUT:-120}" java -Xms24g -Xmx24g -Dorg.slf4j.simpleLogger.log.org.hybridta.cuda=debug -cp "$cp" org.hybridta.benchmarks.cuda.CudaProfile \
    10000x25000 "${PROFILE_CALLS:-3}" > "$out/profile.log" 2>&1
  summary+=("profile: exit $? in $(( $(date +%s) - start )) s")
}
small=1x252,10x2520,100x2520,1000x2520,10000x2520
verb() {
  local what=$1; shift
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
    jmh transfer CudaTransferBenchmarks   # endToEnd and endToEndHost
    jmh crossover CudaCrossoverBenchmarks -p shape=$small
    jmh persymbol CudaPerSymbolBenchmarks
    jmh large CudaCrossoverBenchmarks -p shape=10000x25000 -bm ss -wi 1 -i 1 -f 1
    ;;
  kernels-e2e)  # fits the device tool's 10-minute command: each step has a time limit
    TESTS_TIMEOUT=150 tests
    JMH_TIMEOUT=200 jmh kernels CudaKernelBenchmarks CudaCopyBenchmarks
    JMH_TIMEOUT=150 jmh transfer CudaTransferBenchmarks   # endToEnd and endToEndHost
    profile
    JMH_TIMEOUT=90 jmh crossover CudaCrossoverBenchmarks -p shape=$small -p backend=cuda,cuda-float
    JMH_TIMEOUT=80 jmh large CudaCrossoverBenchmarks -p shape=10000x25000 -p backend=cuda,cuda-float -bm ss -wi 1 -i 1 -f 1
    ;;
  quick)
    TESTS_TIMEOUT=110 tests
    JMH_TIMEOUT=90 jmh kernels CudaKernelBenchmarks CudaCopyBenchmarks -f 0 -wi 1 -w 200ms -i 3 -r 200ms
    JMH_TIMEOUT=110 jmh transfer CudaTransferBenchmarks -wi 2 -i 3   # endToEnd and endToEndHost
    PROFILE_CALLS=2 PROFILE_TIMEOUT=50 profile   # compute and computeInto
    ;;
  functions)
    start=$(date +%s)
    JAVA=java timeout "${FUNCTIONS_TIMEOUT:-560}" bash "$here/function-benchmarks.sh" --cp "$cp" --out "$out/functions" "$@" > "$out/functions.log" 2>&1
    rc=$?
    rm -f "$out"/functions/shard-*.log   # functions.log says what went wrong; the JSON files stay
    echo "===== function benchmarks"; cat "$out/functions.log" | tail -200
    summary+=("functions: exit $rc in $(( $(date +%s) - start )) s")
    ;;
  recheck)  # after a change to the kernels: those concerned (EMA as a control), then the backend's GPU tests and the
            # segmented-path cases on the GPU, so that correctness is checked in the same batch (about 3 minutes)
    JMH_TIMEOUT=60 jmh kernels2 CudaKernelBenchmarks -f 0 -wi 1 -w 200ms -i 3 -r 200ms -p indicator=willr,stoch,cci,sma,wma,bbands,obv,mfi,ema
    (cd "$here" && timeout "${TESTS_TIMEOUT:-150}" bash "$here/run.sh" tests --select-class org.hybridta.cuda.CudaBackendGpuTest \
      --select-class org.hybridta.cuda.SegmentedPathGpuTest) > "$out/tests.log" 2>&1
    summary+=("tests: exit $?: $(grep -E 'tests (successful|failed|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
    ;;
  framework)  # the kernel framework's functions alone (10,000 x 25,000, double), one JVM, short iterations (about 4 minutes)
    JMH_TIMEOUT=300 jmh framework CudaKernelBenchmarks CudaCopyBenchmarks -f 0 -wi 1 -w 200ms -i 3 -r 200ms -p precision=DOUBLE \
      -p indicator=avgprice,sqrt,sin,add,bop,rocp,sum,max,midprice,minmax,var,stddev,linearreg,ad,adosc,natr,cmo,trix,apo,ema
    ;;
  trend)  # the trend family of trend.cuh: every function with a kernel against the CPU and the segmented path, then the
          # family's kernel-only timings, 10,000 x 25,000 double (about 5 minutes)
    (cd "$here" && timeout "${TESTS_TIMEOUT:-240}" bash "$here/run.sh" tests --select-class org.hybridta.cuda.KernelConformanceGpuTest \
      --select-class org.hybridta.cuda.SegmentedPathGpuTest) > "$out/tests.log" 2>&1
    summary+=("tests: exit $?: $(grep -E 'tests (successful|failed|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
    JMH_TIMEOUT=300 jmh trend CudaKernelBenchmarks -f 0 -wi 1 -w 200ms -i 3 -r 200ms -p precision=DOUBLE \
      -p indicator=plus_dm,plus_di,dx,adx,adxr,aroon,aroonosc,maxindex,minmaxindex,sar,sarext,beta,correl,imi,avgdev,accbands,macdfix,atr,ema
    ;;
  averages)  # moving averages of any type and the Hilbert transform (averages.cuh, cycle.cuh) alone, then their conformance on the GPU
    JMH_TIMEOUT=300 jmh averages CudaKernelBenchmarks -f 0 -wi 1 -w 200ms -i 3 -r 200ms -p precision=DOUBLE \
      -p indicator=ma:30:kama,ma:30:t3,ma:30:mama,trima,kama,t3,mama,mavp,macdext,stochf,stochrsi,bbands:20:2:1,apo:12:26:kama,ht_dcperiod,ht_sine,ht_trendmode,ema
    (cd "$here" && timeout "${TESTS_TIMEOUT:-300}" bash "$here/run.sh" tests --select-class org.hybridta.cuda.KernelConformanceGpuTest) > "$out/tests.log" 2>&1
    summary+=("tests: exit $?: $(grep -E 'tests (successful|failed|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
    ;;
  gputests)  # the GPU test classes only, each test printed as it ends with the seconds since the start (a run cut short
              # still tells what passed): $OUT/gputests.log
    local t0=$(date +%s) c sel=()
    for c in ${GPU_TESTS:-KernelConformanceGpuTest SegmentedPathGpuTest ComputeIntoGpuTest CudaBackendGpuTest ColdStartGpuTest CudaUniverseStreamGpuTest CudaSweepGpuTest}; do
      sel+=(--select-class "org.hybridta.cuda.$c")
    done
    (cd "$here" && timeout "${TESTS_TIMEOUT:-400}" java -jar "$here"/tools/junit-platform-console-standalone-*.jar execute \
      -cp "$here/test-classes:$cp" --details=testfeed --disable-banner --disable-ansi-colors "${sel[@]}" 2>&1) \
      | while IFS= read -r l; do printf '%4d %s\n' $(( $(date +%s) - t0 )) "$l"; done | grep -v " INFO " > "$out/gputests.log"
    summary+=("gputests in $(( $(date +%s) - t0 )) s: $(grep -cE 'SUCCESSFUL' "$out/gputests.log") successful, $(grep -cE 'FAILED|ABORTED' "$out/gputests.log") failed or aborted")
    ;;
  chunks)  # the wide chunks (ChunkPlan.MIN_CHUNK_GROUPS) and MAVP's SMA kernel, not yet run on a GPU when they landed: MAVP
           # against the CPU, CudaBackendGpuTest, MAVP's kernel alone, then the end-to-end run (about 6 minutes)
    (cd "$here" && JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-Dhybridta.kernel.functions=mavp" timeout 60 \
      bash "$here/run.sh" tests --select-class org.hybridta.cuda.KernelConformanceGpuTest) > "$out/tests-mavp.log" 2>&1
    summary+=("mavp conformance: exit $?: $(grep -E 'tests (successful|failed)' "$out/tests-mavp.log" | tr -s ' ' | tr '\n' ' ')")
    (cd "$here" && timeout "${TESTS_TIMEOUT:-200}" bash "$here/run.sh" tests --select-class org.hybridta.cuda.CudaBackendGpuTest) > "$out/tests.log" 2>&1
    summary+=("CudaBackendGpuTest: exit $?: $(grep -E 'tests (successful|failed)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
    JMH_TIMEOUT=60 jmh mavp CudaKernelBenchmarks -f 0 -wi 1 -w 100ms -i 3 -r 150ms -p precision=DOUBLE -p indicator=mavp,ema
    E2E_TIMEOUT=${E2E_TIMEOUT:-150} verb e2e
    ;;
  coldmain)  # the first CUDA compute of three fresh processes with the JIT cache off, nothing else
    for i in 1 2 3; do CUDA_CACHE_DISABLE=1 bash "$here/run.sh" java org.hybridta.cuda.ColdStartMain 2>&1 | grep -E "cold start|kernels loaded" | tee -a "$out/coldstart.log"; done
    summary+=("$(tail -3 "$out/coldstart.log")")
    ;;
  coldstart)
    for i in 1 2 3; do CUDA_CACHE_DISABLE=1 bash "$here/run.sh" java org.hybridta.cuda.ColdStartMain 2>&1 | grep -E "cold start|kernels loaded" | tee -a "$out/coldstart.log"; done
    (cd "$here" && timeout "${TESTS_TIMEOUT:-300}" bash "$here/run.sh" tests --select-class org.hybridta.cuda.ColdStartGpuTest \
      --select-class org.hybridta.cuda.KernelConformanceGpuTest) > "$out/tests.log" 2>&1
    summary+=("tests: exit $?: $(grep -E 'tests (successful|failed|aborted|found)' "$out/tests.log" | tr -s ' ' | tr '\n' ' ')")
    summary+=("$(tail -3 "$out/coldstart.log")")
    ;;
  catalog)
    start=$(date +%s)
    timeout "${JMH_TIMEOUT:-560}" java -Djmh.ignoreLock=true -cp "$cp" org.hybridta.benchmarks.cuda.CudaKernelBenchmarks "$out/catalog.json" >> "$out/jmh.log" 2>&1
    summary+=("catalog kernels: exit $? in $(( $(date +%s) - start )) s")
    ;;
  stream) jmh stream 'stream.StreamBenchmarks.Universe' -p backend=cpu,cuda -f 1 -wi 2 -i 3 ;;
  sweep)
    jmh sweep 'sweep.SweepBenchmarks.(cube|reduced)$|cuda.CudaCopyBenchmarks.deviceCopy' -wi 1 -i 3
    jmh sweep-device 'sweep.SweepBenchmarks.cubeOnDevice' -p backend=cuda -p lanes=${SWEEP_LANES:-8,32,128} -wi 1 -i 3
    jmh screen 'sweep.ScreenBenchmarks' -wi 1 -i 3
    ;;
  adx)  # ADX's kernel in time segments, with EMA and DX (one thread per series) beside it, 10,000 x 25,000 double
    JMH_TIMEOUT=90 jmh adx CudaKernelBenchmarks -f 0 -wi 1 -w 100ms -i 3 -r 150ms -p precision=DOUBLE -p indicator=adx:14,ema:30,dx:14
    ;;
  sweepcube)  # issue 17's sweeps alone: cube and reduced on both backends, the cube on the device, the device copy
    jmh sweep 'sweep.SweepBenchmarks.(cube|reduced)$' -wi 1 -i 3
    jmh sweep-device 'sweep.SweepBenchmarks.(cubeOnDevice|cubeKernels)' -p backend=cuda -wi 1 -i 3
    jmh copy 'cuda.CudaCopyBenchmarks.deviceCopy'
    ;;
  lanes)  # issue 17: the sweep's kernels on 8, 32 and 128 streams (SWEEP_LANES=...), cube on the device and reduced, the CPU's
          # reduced form beside them, and the device copy: which stream count the engine should default to
    jmh sweep-lanes 'sweep.SweepBenchmarks.(cubeOnDevice|reduced)$' -p backend=cuda -p lanes=${SWEEP_LANES:-8,32,128} -wi 1 -w 500ms -i 3 -r 500ms
    jmh sweep-cpu 'sweep.SweepBenchmarks.reduced$' -p backend=cpu -wi 1 -i 3
    jmh copy 'cuda.CudaCopyBenchmarks.deviceCopy'
    ;;
  e2e)  # issue 16's end-to-end run; the summary lines of each run (stage times) go to e2e.log
    local specs syms b t0 limit=${E2E_TIMEOUT:-500}
    specs=$(java -cp "$cp" org.hybridta.examples.cli.HybridTa indicators --json | grep -o '"name" *: *"[a-z0-9_]*", *"group"' | cut -d'"' -f4 | paste -sd,)
    syms=$(seq -f 'S%04g' 0 4999 | paste -sd,)
    for b in cpu cuda; do
      echo "===== run, 5,000 x 10 years, every catalog function, --backend $b" >> "$out/e2e.log"
      t0=$(date +%s)
      timeout $(( limit / 3 )) /usr/bin/time -f "wall %e s, peak RSS %M KB, CPU %U s user + %S s system" java -Xmx64g -cp "$cp" org.hybridta.examples.cli.HybridTa run \
        --source synthetic:any --symbols "$syms" --from 2016-12-01 --to 2026-12-01 --warmup 0 --indicators "$specs" \
        --backend $b --no-progress -o - 2>> "$out/e2e.log" > /dev/null
      summary+=("e2e $b: exit $? in $(( $(date +%s) - t0 )) s")
    done
    for b in cpu cuda cpu cuda; do
      echo "===== the default job (S&P 500, JIT cache off), --backend $b" >> "$out/e2e.log"
      CUDA_CACHE_DISABLE=1 timeout 60 /usr/bin/time -f "wall %e s" java -cp "$cp" org.hybridta.examples.cli.HybridTa run --backend $b --no-progress \
        -o /tmp/defjob-$b >> "$out/e2e.log" 2>&1
    done
    ;;
  *) echo "gpu-run.sh: unknown $what"; return 2 ;;
esac
}

if [ "${1:-all}" = plan ]; then
  shift; deadline=$(( $(date +%s) + $1 )); shift
  for v in "$@"; do
    left=$(( deadline - $(date +%s) ))
    if (( left < 40 )); then summary+=("$v: skipped, $left s left"); continue; fi
    tl=$left; [ -n "${TESTS_CAP:-}" ] && (( TESTS_CAP < tl )) && tl=$TESTS_CAP
    TESTS_TIMEOUT=$tl JMH_TIMEOUT=$left FUNCTIONS_TIMEOUT=$left E2E_TIMEOUT=$left verb "$v"
  done
  (cd "$out" && tar czf results.tar.gz --warning=no-file-changed --exclude=results.tar.gz --exclude=device.txt --exclude='*.log' . ; \
     find . -mindepth 1 -maxdepth 1 ! -name results.tar.gz ! -name device.txt ! -name '*.log' -exec rm -rf {} +)
else
  verb "${1:-all}" "${@:2}"
fi
echo "===== test failures (if any)"
grep -E "✘" "$out/tests.log" 2>/dev/null | head -20
[ -f "$out/profile.log" ] && { echo "===== profile"; grep -E "^host|call [0-9]|total|allocateHostBuffer" "$out/profile.log" | sed -E 's/.* (computeInto|compute) ([0-9])/\1 \2/' | tail -26; }
echo "===== jmh"
grep -E "^(Cuda|Benchmark )" "$out/jmh.log" 2>/dev/null | tail -75
echo "===== summary"
cat "$out/device.txt"
printf '%s\n' "${summary[@]}"
