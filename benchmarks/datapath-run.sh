#!/usr/bin/env bash
# The run's data path end to end (docs/benchmarks.md, "The run's data path"): `hybridta run` over 5,000
# synthetic symbols from 2015-01-01 to today with the 18 catalog indicators, or the S&P 500 default job,
# written as CSV, Parquet or DuckDB. Prints the summary, the wall time, the peak RSS and the file's size,
# with the load average before and after (the build machine is shared: a number taken under load says so).
#
#   benchmarks/datapath-run.sh [--jar JAR] [--heap 2g] [--out DIR] [--keep] CASE FORMAT
#     CASE    syn5000 (5,000 symbols S0000..S4999, --source synthetic:any, 2015-01-01 to today, 18 indicators)
#             sp500   (the default job: the S&P 500, January 1 to today, ema:12,rsi:14,macd:12:26:9)
#             sp500cat (the S&P 500 from 2000-01-01 to today, 18 indicators)
#     FORMAT  csv | parquet | duckdb
#
# Build the jar first: mvn -B -q -pl examples -am package -DskipTests -Dmaven.javadoc.skip=true
set -euo pipefail

jar=examples/target/hybridta.jar
heap=2g
out=${TMPDIR:-/tmp}/hybridta-datapath
keep=false
while [[ $# -gt 0 && $1 == --* ]]; do
    case $1 in
        --jar) jar=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[[ $# -eq 2 ]] || { sed -n '6,11p' "$0" >&2; exit 2; }
case=$1 format=$2

catalog=sma:20,ema:20,wma:20,dema:20,tema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,trange,stoch:14:3:sma:3:sma,adx:14,cci:20,willr:14,roc:10,mom:10,obv,mfi:14
case $case in
    syn5000) args=(--source synthetic:any --symbols "$(seq -f 'S%04g' 0 4999 | paste -sd,)" --from 2015-01-01 --indicators "$catalog") ;;
    sp500) args=() ;;
    sp500cat) args=(--from 2000-01-01 --indicators "$catalog") ;;
    *) echo "unknown case $case (syn5000, sp500, sp500cat)" >&2; exit 2 ;;
esac
case $format in
    csv) file=indicators.csv ;;
    parquet) file=indicators.parquet ;;
    duckdb) file=indicators.duckdb ;;
    *) echo "unknown format $format (csv, parquet, duckdb)" >&2; exit 2 ;;
esac
# the jar of main before the data-path work knows no --format (it writes CSV only) and spells TA-Lib's
# stoch:14:3:sma:3:sma as stoch:14:3:3
formatArgs=()
if java -jar "$jar" run --help | grep -q -- '--format'; then
    formatArgs=(--format "$format")
else
    args=("${args[@]/stoch:14:3:sma:3:sma/stoch:14:3:3}")
fi

rm -rf "$out"
mkdir -p "$out"
echo "load before: $(uptime)"
/usr/bin/time -f 'wall %e s, peak RSS %M KB, CPU user %U s + system %S s' \
    java -Xmx"$heap" -jar "$jar" run "${args[@]}" --backend cpu --no-progress "${formatArgs[@]}" -o "$out" 2>&1
echo "load after:  $(uptime)"
ls -l "$out"
if [[ -f $out/$file ]]; then echo "file $file: $(stat -c %s "$out/$file") bytes"; fi
$keep || rm -rf "$out"
