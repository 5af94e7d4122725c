#!/usr/bin/env bash
# On the GPU machine: several MPI ranks share its one GPU through MpiDeviceLease on the CUDA backend, and their
# output must equal the single-process CPU run's. Runs, with the runtime staged in .device/ (../shared/device/README.md):
#
#   1. hybridta --version                          which backends the staged class path has (cuda must be available)
#   2. run, 1 process, --backend cpu               the reference: the synthetic S&P 500, 2024, every catalog indicator
#   3. run, RANKS ranks, --partitioner mpi, cpu    must be byte-identical to 2 (MPI alone changes nothing)
#   4. run, 1 process, --backend "$gpu"              the GPU alone, for comparison
#   5. run, RANKS ranks, --partitioner mpi, cuda   RANKS ranks, one GPU: leases pass it between them (-v logs each one)
#   6. compare 4 and 5 with 2                      byte for byte, else numerically: |a-b| <= 1e-12 relative (CsvCompare)
#   7. the lease log of 5                          every grant and release, and the most holders the GPU ever had (LeaseLog)
#
# Build machine, from the repository root (examples must depend on hybridta-cuda, so that the CUDA backend is staged):
#   mvn -B -q -pl examples -am package -DskipTests && ../shared/device/stage.sh examples
# GPU machine, carrying .device:
#   bash scripts/gpu-mpi-check.sh            # RANKS=4 by default; writes everything under $OUT/gpu-mpi-check
# The summary table comes last; the exit status is 0 only when every check passed.
# For a dry run elsewhere: DEVICE_RUN=/path/to/a/run.sh GPU_BACKEND=<a backend with devices> bash scripts/gpu-mpi-check.sh
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
device_run=${DEVICE_RUN:-$root/.device/run.sh}
run=(bash "$device_run")
gpu=${GPU_BACKEND:-cuda}
out=${OUT:-/tmp/out}/gpu-mpi-check
ranks=${RANKS:-4}
from=2024-01-01 to=2025-01-01
indicators=sma,ema,wma,dema,tema,rsi,macd,bbands,atr,trange,stoch,adx,cci,willr,roc,mom,obv,mfi
cli=org.hybridta.examples.cli.HybridTa
tools=org.hybridta.examples.cli

[ -f "$device_run" ] || { echo "gpu-mpi-check: $device_run missing: stage first (../shared/device/stage.sh examples)"; exit 2; }
rm -rf "$out"
mkdir -p "$out"
declare -a names results details
record() { names+=("$1"); results+=("$2"); details+=("$3"); printf '\n== %s: %s — %s\n' "$1" "$2" "$3"; }

# $1 name, then the command; output in $out/$1.out and .err; sets rc and secs
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "== $name: $*" | cut -c1-300
  "$@" </dev/null >"$out/$name.out" 2>"$out/$name.err"
  rc=$? secs=$((SECONDS - t0))
  tail -n 6 "$out/$name.out" | sed 's/^/   | /'
  grep -v '^INFO lease' "$out/$name.err" | tail -n 6 | sed 's/^/   ! /'
}
summary_line() { grep -E '^(sp500|custom): ' "$out/$1.out" | head -1; }

common=(run --from "$from" --to "$to" --indicators "$indicators" --no-progress)

# 1. backends on the staged class path
step versions "${run[@]}" java "$cli" --version
cuda_ok=no
if grep -q "^backend $gpu: available" "$out/versions.out"; then
  cuda_ok=yes
  record "backends" PASS "$(grep "^backend $gpu" "$out/versions.out")"
else
  record "backends" FAIL "no usable $gpu backend on the staged class path: $(grep '^backend' "$out/versions.out" | tr '\n' ';') — does examples depend on hybridta-cuda?"
fi

# 2. the single-process CPU reference
step cpu-1 "${run[@]}" java "$cli" "${common[@]}" --backend cpu -o "$out/cpu-1"
if [ $rc -eq 0 ] && [ -s "$out/cpu-1/indicators.csv" ]; then
  record "cpu, 1 process" PASS "$(summary_line cpu-1) (${secs} s)"
else
  record "cpu, 1 process" FAIL "exit $rc; see $out/cpu-1.err"
fi

compare() {  # $1 label, $2 run dir; byte for byte first, numerically else
  local csv=$out/$2/indicators.csv
  if [ ! -s "$csv" ] || [ ! -s "$out/cpu-1/indicators.csv" ]; then record "$1" FAIL "nothing to compare ($csv)"; return; fi
  if cmp -s "$out/cpu-1/indicators.csv" "$csv"; then
    record "$1" PASS "byte-identical to the CPU run ($(wc -l <"$csv") lines)"
  else
    "${run[@]}" java "$tools.CsvCompare" "$out/cpu-1/indicators.csv" "$csv" 1e-12 >"$out/$2.compare" 2>&1
    local c=$?
    if [ $c -eq 0 ]; then record "$1" PASS "$(grep '^csv compare' "$out/$2.compare")"
    else record "$1" FAIL "$(grep '^csv compare' "$out/$2.compare" || tail -3 "$out/$2.compare")"; fi
  fi
}

# 3. the same on RANKS ranks, CPU: MPI alone must not change a byte
step cpu-$ranks "${run[@]}" mpi "$ranks" "$cli" "${common[@]}" --partitioner mpi --backend cpu -o "$out/cpu-$ranks"
if [ $rc -eq 0 ]; then
  if cmp -s "$out/cpu-1/indicators.csv" "$out/cpu-$ranks/indicators.csv"; then
    record "cpu, $ranks MPI ranks" PASS "byte-identical to 1 process; $(grep -o 'partitioner mpi ([^)]*)' "$out/cpu-$ranks.out") (${secs} s)"
  else
    record "cpu, $ranks MPI ranks" FAIL "differs from the 1-process CPU run: $(cmp "$out/cpu-1/indicators.csv" "$out/cpu-$ranks/indicators.csv" 2>&1 | head -1)"
  fi
else
  record "cpu, $ranks MPI ranks" FAIL "exit $rc; see $out/cpu-$ranks.err"
fi

if [ $cuda_ok = yes ]; then
  # 4. the GPU in one process
  step cuda-1 "${run[@]}" java "$cli" "${common[@]}" --backend "$gpu" -o "$out/cuda-1"
  if [ $rc -eq 0 ]; then compare "$gpu, 1 process vs cpu" cuda-1
  else record "$gpu, 1 process vs cpu" FAIL "exit $rc: $(grep '^hybridta:' "$out/cuda-1.err" | head -1)"; fi

  # 5. RANKS ranks, one GPU, leases logged (-v)
  step cuda-$ranks "${run[@]}" mpi "$ranks" "$cli" "${common[@]}" --partitioner mpi --backend "$gpu" -v -o "$out/cuda-$ranks"
  if [ $rc -eq 0 ]; then
    record "$gpu, $ranks MPI ranks: run" PASS "$(summary_line cuda-$ranks); $(grep -o 'backend .*, partitioner mpi ([^)]*)' "$out/cuda-$ranks.out") (${secs} s)"
    # 6. its output against the CPU reference
    compare "$gpu, $ranks MPI ranks vs cpu" cuda-$ranks
  else
    record "$gpu, $ranks MPI ranks: run" FAIL "exit $rc: $(grep '^hybridta:' "$out/cuda-$ranks.err" | head -1)"
  fi

  # 7. the lease log: every rank got the GPU, never two at once
  grep 'lease: rank\|device leases on' "$out/cuda-$ranks.err" >"$out/lease-log.txt"
  "${run[@]}" java "$tools.LeaseLog" "$out/cuda-$ranks.err" >"$out/lease-timeline.txt" 2>&1
  lrc=$?
  echo "== lease log ($out/lease-log.txt):"; sed 's/^/   | /' "$out/lease-log.txt" | head -40
  echo "== lease timeline:"; grep -v '^NVIDIA' "$out/lease-timeline.txt" | sed 's/^/   | /' | head -40
  holders=$(grep -c ' got device ' "$out/lease-log.txt")
  grantees=$(grep ' got device ' "$out/lease-log.txt" | sed 's/.*lease: \(rank [0-9]*\) .*/\1/' | sort -u | wc -l)
  verdict=$(grep '^lease log:' "$out/lease-timeline.txt")
  if [ $lrc -eq 0 ] && [ "$grantees" -eq "$ranks" ]; then
    record "leases of the GPU" PASS "$verdict; $grantees of $ranks ranks got it"
  else
    record "leases of the GPU" FAIL "${verdict:-no lease log}; $grantees of $ranks ranks got it ($holders grants)"
  fi
else
  record "$gpu runs" SKIPPED "no usable $gpu backend (see backends)"
fi

echo
echo "GPU + MPI check: the synthetic S&P 500 from $from to $to, $(echo "$indicators" | tr ',' '\n' | wc -l) indicators; files in $out"
failed=0
printf '%-32s %-8s %s\n' "check" "result" "details"
for i in "${!names[@]}"; do
  printf '%-32s %-8s %s\n' "${names[$i]}" "${results[$i]}" "${details[$i]}"
  [ "${results[$i]}" = PASS ] || failed=1
done
exit $failed
