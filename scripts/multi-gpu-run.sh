#!/usr/bin/env bash
# The multi-GPU run (docs/mpi.md, "Several GPUs"): on a GPU machine with several GPUs, the distributed pipeline on the
# CUDA backend, one MPI rank per GPU and two, checked against the CPU and measured from 1 GPU to all.
#
#   1. scripts/gpu-mpi-check.sh, RANKS="G 2G"   the synthetic S&P 500 (2024, every catalog indicator): N ranks on the
#                                               CUDA backend equal to the 1-process CPU run, which GPU computed what,
#                                               the lease log (no GPU ever held by two ranks at once)
#   2. benchmarks/mpi-scaling.sh, cuda          10,000 symbols x up to 25,000 bars (2000-01-03 .. 2099-07-02) and the
#                                               S&P 500 over 10 years, at 1, G and 2G ranks: time per stage
#   3. MpiScaling --verify, G and 2G ranks      the 10,000 x 25,000 values gathered at rank 0 and checked there, value by
#                                               value, against the CPU backend
# GPU usage is sampled every 0.5 s meanwhile (nvidia-smi), so that every GPU's share shows.
#
# Build machine, from the repository root:
#   mvn -B -q -pl examples,benchmarks -am package -DskipTests && ../shared/device/stage.sh examples
#   rm .device/lib/hybridta.jar .device/lib/original-hybridta.jar    # the shaded CLI jar: its classes are staged anyway
#   (cd benchmarks/target/classes && jar cf ../../../.device/lib/hybridta-benchmarks-mpi.jar org/hybridta/benchmarks/mpi)
# GPU machine, carrying .device:   bash scripts/multi-gpu-run.sh [STEPS]
#   STEPS (default "check verify:G scaling verify:2G", G the GPUs): check, scaling, verify:N (N ranks)
# Everything lands under $OUT/multi-gpu; the summaries come last.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-/tmp/out}/multi-gpu
gpus=$(nvidia-smi --query-gpu=index --format=csv,noheader | wc -l)
steps=${1:-check verify:$gpus scaling verify:$((2 * gpus))}
mkdir -p "$out"
export OMPI_MCA_hwloc_base_binding_policy=none   # run.sh takes no mpirun options; ranks must not be pinned to one core
big=(--universe synthetic:10000 --from 2000-01-01 --to 2099-07-03 --label synthetic10000x25000)
{
  nvidia-smi --query-gpu=index,name,driver_version,memory.total,pcie.link.gen.max,pcie.link.width.max --format=csv
  nvidia-smi topo -m 2>/dev/null | head -8
  echo "host: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; NCCL variables: $(env | grep -c '^NCCL_') set ($(env | grep '^NCCL_NVLS' | tr '\n' ' '))"
} >"$out/machine.txt" 2>&1
cat "$out/machine.txt"
nvidia-smi --query-gpu=timestamp,index,utilization.gpu,memory.used --format=csv,noheader -lms 500 >"$out/gpu-usage.csv" 2>/dev/null &
sampler=$!
trap 'kill $sampler 2>/dev/null' EXIT
mark() { echo "$(date -u +%FT%T.%3NZ) $*" | tee -a "$out/marks.txt"; }

for step in $steps; do
  case $step in
    check)
      mark "check start"
      RANKS="$gpus $((2 * gpus))" OUT=$out timeout 180 bash "$root/scripts/gpu-mpi-check.sh" >"$out/check.log" 2>&1
      echo "check: exit $?"; sed -n '/^GPU + MPI check/,$p' "$out/check.log"
      mark "check end" ;;
    scaling)
      mark "scaling big start"
      timeout 300 bash "$root/benchmarks/mpi-scaling.sh" -l device -o "$out/scaling-big" -n "1 $gpus $((2 * gpus))" -u synthetic:10000 \
        -w 1 -r 2 -t 150 -j "-Xmx100g -XX:+UseParallelGC -XX:ParallelGCThreads=8" \
        -a "--backend cuda --threads-per-rank auto ${big[*]:2}" >"$out/scaling-big.log" 2>&1
      mark "scaling big end"
      timeout 150 bash "$root/benchmarks/mpi-scaling.sh" -l device -o "$out/scaling-sp500" -n "1 $gpus $((2 * gpus))" -u sp500 \
        -w 2 -r 5 -t 60 -j "-Xmx24g -XX:+UseParallelGC -XX:ParallelGCThreads=4" \
        -a "--backend cuda --threads-per-rank auto --label sp500-cuda" >"$out/scaling-sp500.log" 2>&1
      mark "scaling sp500 end"
      for f in scaling-big scaling-sp500; do echo "== $f"; sed -n '/^MPI scaling/,$p' "$out/$f.log"; grep -h '^  rank ' "$out/$f"/*.log; done ;;
    verify:*)
      n=${step#verify:}
      mark "verify $n start"
      # rank 0 ends up with every value and bar (61 GB); the others hold only their own part, so 110 GB each is enough
      timeout 300 bash "$root/.device/run.sh" mpi "$n" "-Xmx${VERIFY_HEAP:-110g}" -XX:+UseParallelGC -XX:ParallelGCThreads=8 \
        org.hybridta.benchmarks.mpi.MpiScaling "${big[@]}" --backend cuda --threads-per-rank auto --warmup 0 --runs 1 --verify \
        >"$out/verify-$n.log" 2>&1
      echo "verify, $n ranks: exit $?"; grep -E '^synthetic|^  rank|verified|MpiScaling:|^  (fetch|compute|gather|write|total) ' "$out/verify-$n.log"
      mark "verify $n end" ;;
    *) echo "multi-gpu-run: unknown step $step (check, scaling, verify:N)"; exit 2 ;;
  esac
done
kill $sampler 2>/dev/null
# per GPU: samples with any utilization, and the peak memory, over the whole run
awk -F', *' '{ i = $2; u = $3 + 0; m = $4 + 0; n[i]++; if (u > 0) busy[i]++; if (m > peak[i]) peak[i] = m }
  END { for (i in n) printf "GPU %s: busy in %d of %d samples (0.5 s), peak memory %d MiB\n", i, busy[i], n[i], peak[i] }' "$out/gpu-usage.csv" \
  | sort | tee "$out/gpu-usage.txt"
# one archive of everything (logs, results.tsv, the check's outputs but its CSV files), as few files come back
find "$out" -name '*.csv' -path '*/gpu-mpi-check/*' -delete
tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")" && echo "archive: $out.tar.gz"
