#!/usr/bin/env bash
# Strong scaling of the pipeline over MPI ranks (org.hybridta.benchmarks.mpi.MpiScaling): every universe at every
# rank count, one mpirun each, results appended to OUT/results.tsv, each run's output in OUT/<universe>-<N>-ranks.log,
# and a summary table last. docs/benchmarks.md ("MPI scaling") says what is measured and how to read it.
#
#   benchmarks/mpi-scaling.sh [options]
#     -o DIR         where results go (default: target/mpi-scaling, or $OUT/mpi-scaling when $OUT is set)
#     -n "1 2 4"     rank counts (default: "1 2 4")
#     -u "U ..."     universes (default: "sp500 synthetic:5000"); sp500 is written as CSV (to /dev/shm where there is
#                    one, so that the disk's speed stays out of it; else to DIR/csv), synthetic:N is not written
#     -l LAUNCHER    local (default): mpirun with benchmarks/target/benchmarks.jar
#                    device: bash .device/run.sh mpi N …, the runtime staged by shared/device/stage.sh benchmarks
#     -w W -r R      warm-up and measured runs per rank count (default 2 and 5)
#     -j "OPTS"      JVM options of every rank (default: "-Xmx12g -XX:+UseParallelGC -XX:ParallelGCThreads=2")
#     -t SECONDS     time limit of one mpirun (default 900)
#     -a "ARGS"      more MpiScaling arguments for every run, e.g. -a "--backend cuda --threads-per-rank auto
#                    --from 2000-01-01 --to 2099-07-03 --label synthetic10000x25000" (the GPUs, 25,000 bars a symbol)
#
# Here (build machine):       mvn -B -q -pl benchmarks -am package -DskipTests && benchmarks/mpi-scaling.sh
# On the GPU machine (16 cores), with .device staged by `../shared/device/stage.sh benchmarks`:
#                             bash benchmarks/mpi-scaling.sh -l device -n "1 2 4 8 16" -j "-Xmx24g -XX:+UseParallelGC -XX:ParallelGCThreads=2"
# Plot (here, needs java.desktop): java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.mpi.ScalingPlot DIR/results.tsv IMG.png "title"
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:+$OUT/mpi-scaling}
out=${out:-$root/target/mpi-scaling}
ranks="1 2 4"
universes="sp500 synthetic:5000"
launcher=local
warmup=2 runs=5 limit=900
jvm="-Xmx12g -XX:+UseParallelGC -XX:ParallelGCThreads=2"
extra=""
while getopts "o:n:u:l:w:r:j:t:a:h" opt; do
  case $opt in
    o) out=$OPTARG ;; n) ranks=$OPTARG ;; u) universes=$OPTARG ;; l) launcher=$OPTARG ;;
    w) warmup=$OPTARG ;; r) runs=$OPTARG ;; j) jvm=$OPTARG ;; t) limit=$OPTARG ;; a) extra=$OPTARG ;;
    *) sed -n '2,23p' "$0"; exit 2 ;;
  esac
done
main=org.hybridta.benchmarks.mpi.MpiScaling
case $launcher in
  local)
    jar=$root/benchmarks/target/benchmarks.jar
    [ -f "$jar" ] || { echo "mpi-scaling: $jar missing; build it: mvn -B -q -pl benchmarks -am package -DskipTests"; exit 2; }
    command -v mpirun >/dev/null || { echo "mpi-scaling: mpirun not on PATH (scripts/setup.sh installs Open MPI)"; exit 2; }
    asroot=(); [ "$(id -u)" = 0 ] && asroot=(--allow-run-as-root)
    # -cp first: Open MPI's mpirun rewrites the argument after the first one containing "cp" (see docs/mpi.md)
    launcher_for() { cmd=(mpirun "${asroot[@]}" --oversubscribe --bind-to none -np "$1" java -cp "$jar" $jvm); } ;;
  device)
    [ -f "$root/.device/run.sh" ] || { echo "mpi-scaling: $root/.device/run.sh missing; stage first: ../shared/device/stage.sh benchmarks"; exit 2; }
    # run.sh mpi N ARGS…: mpirun --allow-run-as-root --oversubscribe -np N … java -cp <staged jars> ARGS…
    # Open MPI binds each rank to one core when np <= 2 (to a socket above): that would leave the 1- and 2-rank
    # runs' JIT, GC and CSV threads one core. run.sh takes no mpirun options, so unbind through the environment.
    export OMPI_MCA_hwloc_base_binding_policy=none
    launcher_for() { cmd=(bash "$root/.device/run.sh" mpi "$1" $jvm); } ;;
  *) echo "mpi-scaling: -l local or -l device, not $launcher"; exit 2 ;;
esac

mkdir -p "$out"
results=$out/results.tsv
rm -f "$results"
echo "mpi-scaling: ranks [$ranks], universes [$universes], $warmup warm-up + $runs measured runs, JVM [$jvm], launcher $launcher"
echo "mpi-scaling: $(nproc) processors, $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB memory"}'), load $(cut -d' ' -f1-3 /proc/loadavg); output in $out"
failed=0
for u in $universes; do
  csv=()
  csvdir=$out/csv
  [ -d /dev/shm ] && [ -w /dev/shm ] && csvdir=/dev/shm/hybridta-mpi-scaling
  [ "$u" = sp500 ] && { mkdir -p "$csvdir"; csv=(--csv "$csvdir"); }
  for n in $ranks; do
    log=$out/${u/:/}-$n-ranks.log
    start=$(date +%s)
    launcher_for "$n"
    # shellcheck disable=SC2086  # $extra: words on purpose
    timeout --kill-after=30 "$limit" "${cmd[@]}" "$main" --universe "$u" --warmup "$warmup" --runs "$runs" --results "$results" "${csv[@]}" $extra \
      </dev/null >"$log" 2>&1
    rc=$?
    printf 'mpi-scaling: %-16s %2d ranks: exit %d after %d s (%s)\n' "$u" "$n" "$rc" "$(( $(date +%s) - start ))" "$log"
    if [ $rc -ne 0 ]; then failed=1; tail -15 "$log" | sed 's/^/    /'; fi
  done
  rm -rf "$csvdir"
done

# Summary: per universe and rank count, medians in ms; speed-up of the total over the fewest ranks measured
echo
echo "MPI scaling: medians in milliseconds (rank 0's view), speed-up of the total over the fewest ranks"
awk -F'\t' '
  NR == 1 { next }
  { key = $1 SUBSEP $2; v[key, $8] = $9; if (!(($1, $2) in seen)) { seen[$1, $2] = 1; order[++n] = key } }
  END {
    printf "%-14s %5s %9s %8s %9s %9s %9s %8s %9s %8s %9s\n", "universe", "ranks", "partition", "fetch", "compute", "gather", "write", "total", "speed-up", "MPI", "MPI share"
    for (i = 1; i <= n; i++) {
      split(order[i], k, SUBSEP); u = k[1]; r = k[2]
      if (!(u in base)) base[u] = v[order[i], "total"]
      printf "%-14s %5d %9.1f %8.1f %9.1f %9.1f %9.1f %8.1f %8.2fx %8.1f %8.1f%%\n", u, r, v[order[i], "partition"], v[order[i], "fetch"],
        v[order[i], "compute"], v[order[i], "gather"], v[order[i], "write"], v[order[i], "total"], base[u] / v[order[i], "total"],
        v[order[i], "mpi"], v[order[i], "mpi_share_ppm"] / 1e4
    }
  }' "$results" 2>/dev/null || echo "(no results)"
echo "results: $results"
exit $failed
