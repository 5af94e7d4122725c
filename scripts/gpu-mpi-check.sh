#!/usr/bin/env bash
# On a GPU machine: MPI ranks share its GPUs through MpiDeviceLease on the CUDA backend, and their output must
# equal the single-process CPU run's. Runs, with the runtime staged in .device/ (../shared/device/README.md):
#
#   1. hybridta --version                          which backends the staged class path has (cuda must be available)
#   2. run, 1 process, --backend cpu               the reference: the synthetic S&P 500, 2024, every catalog indicator
#   3. run, N ranks, --partitioner mpi, cpu        must be byte-identical to 2 (MPI alone changes nothing)
#   4. run, 1 process, --backend "$gpu"              the GPU alone, for comparison
#   5. run, N ranks, --partitioner mpi, cuda       N ranks on the host's GPUs: a GPU of its own per rank while there are
#                                                  enough, else leases pass them between ranks (--debug logs each one)
#   6. compare 4 and 5 with 2                      byte for byte, else numerically: |a-b| <= 1e-12 relative (CsvCompare);
#                                                  and which GPU computed how many symbols (the summary's part lines)
#   7. the lease log of 5                          every grant and release: every rank got a GPU, no GPU two holders
#                                                  at once (LeaseLog), and every GPU was used
# Steps 3, 5, 6 and 7 run for each N of RANKS (default "4"; on two GPUs: RANKS="2 4", one rank per GPU and two).
#
# Build machine, from the repository root (examples must depend on hybridta-cuda, so that the CUDA backend is staged):
#   mvn -B -q -pl examples -am package -DskipTests && ../shared/device/stage.sh examples
# GPU machine, carrying .device:
#   bash scripts/gpu-mpi-check.sh            # RANKS="4" by default; writes everything under $OUT/gpu-mpi-check
#   RANKS="2 4" bash scripts/gpu-mpi-check.sh
# The summary table comes last; the exit status is 0 only when every check passed.
# For a dry run elsewhere: DEVICE_RUN=/path/to/a/run.sh GPU_BACKEND=<a backend with devices> bash scripts/gpu-mpi-check.sh
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
device_run=${DEVICE_RUN:-$root/.device/run.sh}
run=(bash "$device_run")
gpu=${GPU_BACKEND:-cuda}
out=${OUT:-/tmp/out}/gpu-mpi-check
ranks=${RANKS:-4}   # one or more rank counts, e.g. RANKS="2 4" on two GPUs
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
  grep -v '^part ' "$out/$name.out" | tail -n 6 | sed 's/^/   | /'   # part lines: printed where they are checked
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

# 3. the same on N ranks, CPU: MPI alone must not change a byte
for n in $ranks; do
  step cpu-$n "${run[@]}" mpi "$n" "$cli" "${common[@]}" --partitioner mpi --backend cpu -o "$out/cpu-$n"
  if [ $rc -eq 0 ]; then
    if cmp -s "$out/cpu-1/indicators.csv" "$out/cpu-$n/indicators.csv"; then
      record "cpu, $n MPI ranks" PASS "byte-identical to 1 process; $(grep -o 'partitioner mpi ([^)]*)' "$out/cpu-$n.out") (${secs} s)"
    else
      record "cpu, $n MPI ranks" FAIL "differs from the 1-process CPU run: $(cmp "$out/cpu-1/indicators.csv" "$out/cpu-$n/indicators.csv" 2>&1 | head -1)"
    fi
  else
    record "cpu, $n MPI ranks" FAIL "exit $rc; see $out/cpu-$n.err"
  fi
done

if [ $cuda_ok = yes ]; then
  gpus=${GPUS:-$(nvidia-smi --query-gpu=index --format=csv,noheader 2>/dev/null | wc -l)}
  [ "$gpus" -ge 1 ] || gpus=1
  # 4. the GPU in one process
  step cuda-1 "${run[@]}" java "$cli" "${common[@]}" --backend "$gpu" -o "$out/cuda-1"
  if [ $rc -eq 0 ]; then compare "$gpu, 1 process vs cpu" cuda-1
  else record "$gpu, 1 process vs cpu" FAIL "exit $rc: $(grep '^hybridta:' "$out/cuda-1.err" | head -1)"; fi

  for n in $ranks; do
    # 5. N ranks on the host's GPUs, leases logged (-v; --debug also logs the grants of ranks with a GPU of their own)
    step cuda-$n "${run[@]}" mpi "$n" "$cli" "${common[@]}" --partitioner mpi --backend "$gpu" --debug -o "$out/cuda-$n"
    if [ $rc -eq 0 ]; then
      record "$gpu, $n MPI ranks: run" PASS "$(summary_line cuda-$n); $(grep -o 'backend .*, partitioner mpi ([^)]*)' "$out/cuda-$n.out" | cut -c1-160) (${secs} s)"
      # 6. its output against the CPU reference
      compare "$gpu, $n MPI ranks vs cpu" cuda-$n
      # which GPU computed what: the summary's part lines name each rank's device
      grep '^part ' "$out/cuda-$n.out" | sed 's/^/   | /'
      work=$(grep '^part ' "$out/cuda-$n.out" | sed -n 's/^part [0-9]*: \([0-9]*\) symbols.* on [a-z]* (device \([0-9]*\):.*/\2 \1/p' \
        | awk '{s[$1] += $2; r[$1]++} END {for (d in s) printf "GPU %s: %d symbols from %d rank%s; ", d, s[d], r[d], r[d] == 1 ? "" : "s"}')
      used=$(grep '^part ' "$out/cuda-$n.out" | sed -n 's/.* on [a-z]* (device \([0-9]*\):.*/\1/p' | sort -u | wc -l)
      want=$(( n < gpus ? n : gpus ))
      if [ "$used" -eq "$want" ]; then record "$gpu, $n MPI ranks: GPUs used" PASS "${work}$used of $gpus GPUs"
      else record "$gpu, $n MPI ranks: GPUs used" FAIL "${work}$used GPUs used, expected $want of $gpus"; fi
    else
      record "$gpu, $n MPI ranks: run" FAIL "exit $rc: $(grep '^hybridta:' "$out/cuda-$n.err" | head -1)"
    fi

    # 7. the lease log: every rank got a GPU, never two ranks one GPU at once
    grep 'lease: rank\|device leases on' "$out/cuda-$n.err" >"$out/lease-log-$n.txt"
    echo "== lease log ($out/lease-log-$n.txt):"; sed 's/^/   | /' "$out/lease-log-$n.txt" | head -40
    grantees=$(grep -E ' got (its own )?device ' "$out/lease-log-$n.txt" | sed 's/.*lease: \(rank [0-9]*\) .*/\1/' | sort -u | wc -l)
    if grep -q ' got its own device ' "$out/lease-log-$n.txt"; then
      # no more ranks than GPUs: each rank has a GPU of its own, which no other rank may get
      owners=$(grep ' got its own device ' "$out/lease-log-$n.txt" | sed 's/.* got its own device \([0-9]*\) .*/\1/' | sort | uniq -d | wc -l)
      if [ "$grantees" -eq "$n" ] && [ "$owners" -eq 0 ]; then
        record "leases, $n ranks" PASS "each of $n ranks its own GPU ($(grep -c ' got its own device ' "$out/lease-log-$n.txt") grants, no GPU granted twice)"
      else
        record "leases, $n ranks" FAIL "$grantees of $n ranks got a GPU; $owners GPUs granted to two ranks"
      fi
    else
      "${run[@]}" java "$tools.LeaseLog" "$out/cuda-$n.err" >"$out/lease-timeline-$n.txt" 2>&1
      lrc=$?
      echo "== lease timeline:"; grep -v '^NVIDIA' "$out/lease-timeline-$n.txt" | sed 's/^/   | /' | head -40
      verdict=$(grep '^lease log:' "$out/lease-timeline-$n.txt")
      if [ $lrc -eq 0 ] && [ "$grantees" -eq "$n" ]; then
        record "leases, $n ranks" PASS "$verdict; $grantees of $n ranks got a GPU"
      else
        record "leases, $n ranks" FAIL "${verdict:-no lease log}; $grantees of $n ranks got a GPU"
      fi
    fi
  done
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
