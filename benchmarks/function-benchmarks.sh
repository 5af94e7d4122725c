#!/usr/bin/env bash
# Every catalog function on 1,000,000 bars (FunctionBenchmarks: HybridTA's kernel and compute, TA-Lib C, ta4j), as
# N shards in parallel JVMs, each pinned to its own cores where taskset exists; then FunctionReport merges the
# shards' JSON into one Markdown table per TA-Lib group and a plot of the ratios (docs/benchmarks.md).
#
#   benchmarks/function-benchmarks.sh [--jar JAR | --cp CLASSPATH] [--talib LIB] [--shards N] [--cores-per-shard C]
#                                     [--full | --smoke] [--functions a,b,...] [--out DIR] [--label TEXT]
#     --jar       the benchmarks jar (default benchmarks/target/benchmarks.jar); --cp a class path instead
#     --talib     TA-Lib C's shared library (default: -Dhybridta.talib.c as already set, else the one
#                 scripts/install-talib-c.sh built)
#     --shards    parallel JVMs (default: physical cores / cores-per-shard); --cores-per-shard default 1. With one
#                 core a shard, each shard gets a physical core of its own (the first logical CPU of each, from
#                 lscpu): two shards on SMT siblings would share one core's units, and each ratio would depend on
#                 what its sibling happened to run
#     --full      JMH's iterations from the annotations (10 x 500 ms) instead of --quick (3 + 4 x 400 ms);
#     --smoke     one 100 ms iteration: checks that everything runs, measures nothing
#     --out       results: shard-K.json, shard-K.log, function-benchmarks.md, cpu-functions-ratio.png (default /tmp/function-benchmarks)
# A quiet 16-core machine runs the whole catalog with --quick in about 4 minutes. Each shard's JMH forks inherit its
# cores, so the kernel and TA-Lib C of one function are measured on the same cores, one after the other.
set -uo pipefail

jar=benchmarks/target/benchmarks.jar
cp=""
talib=""
shards=""
per=1
quick=--quick
functions=()
out=${TMPDIR:-/tmp}/function-benchmarks
label=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --jar) jar=$2; shift 2 ;;
        --cp) cp=$2; shift 2 ;;
        --talib) talib=$2; shift 2 ;;
        --shards) shards=$2; shift 2 ;;
        --cores-per-shard) per=$2; shift 2 ;;
        --full) quick=""; shift ;;
        --smoke) quick=--smoke; shift ;;
        --functions) functions=(--functions "$2"); shift 2 ;;
        --out) out=$2; shift 2 ;;
        --label) label=$2; shift 2 ;;
        *) echo "function-benchmarks.sh: unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
[[ -n $cp ]] || { [[ -f $jar ]] || { echo "function-benchmarks.sh: no $jar (mvn -B -pl benchmarks -am package -DskipTests)" >&2; exit 2; }; cp=$jar; }
java=${JAVA:-java}
if [[ -z $talib && ${JAVA_TOOL_OPTIONS:-} != *hybridta.talib.c* ]]; then
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/hybridta/talib-c.path
    [[ -f $cache ]] && talib=$(cat "$cache")
fi
props=(-Djmh.ignoreLock=true)   # the shards' JMH runners share the machine on purpose
[[ -n $talib ]] && props+=("-Dhybridta.talib.c=$talib")
cores=$(nproc)
# one logical CPU per physical core (core, socket), where lscpu can say
cpus=()
command -v lscpu > /dev/null && mapfile -t cpus < <(lscpu -p=CPU,CORE,SOCKET 2>/dev/null | grep -v '^#' | sort -t, -k3,3n -k2,2n -k1,1n | awk -F, '!seen[$2","$3]++ {print $1}')
allowed=()
for c in "${cpus[@]}"; do taskset -c "$c" true 2> /dev/null && allowed+=("$c"); done   # a container may hold fewer
cpus=("${allowed[@]}")
physical=${#cpus[@]}
(( physical > 0 )) || physical=$cores
[[ -n $shards ]] || shards=$(( (per == 1 ? physical : cores) / per > 0 ? (per == 1 ? physical : cores) / per : 1 ))
mkdir -p "$out"
rm -f "$out"/shard-*.json "$out"/shard-*.log
pin=false
command -v taskset > /dev/null && (( shards * per <= cores )) && pin=true
echo "function-benchmarks.sh: $shards shards, ${per} core(s) each, pinned: $pin ($physical physical cores of $cores logical); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
pids=()
for (( k = 1; k <= shards; k++ )); do
    prefix=()
    if $pin && (( per == 1 && k <= ${#cpus[@]} )); then prefix=(taskset -c "${cpus[k-1]}")
    elif $pin; then prefix=(taskset -c "$(( (k - 1) * per ))-$(( k * per - 1 ))"); fi
    "${prefix[@]}" "$java" "${props[@]}" -cp "$cp" org.hybridta.benchmarks.cpu.FunctionBenchmarks --shard "$k/$shards" $quick \
        "${functions[@]}" "$out/shard-$k.json" > "$out/shard-$k.log" 2>&1 &
    pids+=($!)
done
failed=0
for (( k = 1; k <= shards; k++ )); do
    wait "${pids[k-1]}" || { failed=$((failed + 1)); echo "shard $k/$shards failed: tail of $out/shard-$k.log" >&2; tail -5 "$out/shard-$k.log" >&2; }
done
echo "function-benchmarks.sh: shards done in $(( $(date +%s) - start )) s ($failed failed); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
results=("$out"/shard-*.json)
[[ -f ${results[0]} ]] || { echo "function-benchmarks.sh: no results" >&2; exit 1; }
[[ -n $label ]] || label="$(nproc) cores, $shards shards"
"$java" -Djava.awt.headless=true -cp "$cp" org.hybridta.benchmarks.cpu.FunctionReport --label "$label" "$out" "${results[@]}"
rc=$?
(( failed == 0 && rc == 0 ))
