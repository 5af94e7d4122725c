#!/usr/bin/env bash
# Stages the cuda module's tests and the CUDA benchmarks for the GPU machine into .device-cuda/ at the
# root of the checkout that the device tool sends (default: this one), using ../shared/device/stage.sh.
#   cuda/device/stage-gpu.sh [TARGET_CHECKOUT]
set -euo pipefail
root=$(git rev-parse --show-toplevel)
target=${1:-$root}
cd "$root"
shared=""
for d in "${HYBRIDTA_SHARED:-}" "$root/../shared" "$root/../../shared"; do
  [ -n "$d" ] && [ -f "$d/device/stage.sh" ] && { shared=$(cd "$d" && pwd); break; }
done
[ -n "$shared" ] || { echo "stage-gpu.sh: no shared/device/stage.sh beside the checkout (set HYBRIDTA_SHARED)"; exit 1; }
stage=$(mktemp)
# stage.sh expects .git to be a directory; in a worktree it is a file, so use a copy that skips that step
sed -e "s#grep -qx '/.device/' .git/info/exclude 2>/dev/null || echo '/.device/' >> .git/info/exclude#true#" \
    -e 's#mvn -B -pl "$module" -am -DskipTests package#mvn -B -pl "$module" -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package#' \
    -e "s#cp \"\$(dirname \"\$(readlink -f \"\$0\")\")/run.sh\"#cp $shared/device/run.sh#" \
    "$shared/device/stage.sh" > "$stage"
bash "$stage" cuda
rm -f "$stage"
mvn -B -q -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package
cp benchmarks/target/hybridta-benchmarks-*.jar .device/lib/
m2=${M2_REPO:-$HOME/.m2/repository}
cp "$m2"/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar "$m2"/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar \
   "$m2"/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar .device/lib/
# FunctionBenchmarks' ta4j column and FunctionReport's JSON reading, with the script that runs the catalog in shards
cp "$m2"/org/ta4j/ta4j-core/0.17/ta4j-core-0.17.jar "$m2"/com/fasterxml/jackson/core/jackson-databind/2.23.0/jackson-databind-2.23.0.jar \
   "$m2"/com/fasterxml/jackson/core/jackson-core/2.23.0/jackson-core-2.23.0.jar \
   "$m2"/com/fasterxml/jackson/core/jackson-annotations/2.23/jackson-annotations-2.23.jar .device/lib/
# `hybridta run` for the end-to-end measurements (gpu-run.sh e2e): the command line and what it needs to write CSV
# (Parquet's and DuckDB's jars stay behind: the device tool carries 64 MiB)
# one invocation: the classpath of a module resolves its siblings from the reactor only while they are packaged
mvn -B -q -pl examples -am -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$root/.device/examples.cp" > /dev/null
cp examples/target/hybridta-examples-*-SNAPSHOT.jar formats/target/hybridta-formats-*-SNAPSHOT.jar mpi/target/hybridta-mpi-*-SNAPSHOT.jar \
   yahoo/target/hybridta-yahoo-*-SNAPSHOT.jar .device/lib/
rm -f .device/lib/*-sources.jar .device/lib/*-javadoc.jar .device/lib/hybridta-yahoo-*-tests.jar
tr ':' '\n' < .device/examples.cp | grep -E '/(httpclient5|httpcore5|httpcore5-h2|mpi|picocli|progressbar|jline-terminal|jline-native)-[0-9][^/]*\.jar$' \
  | xargs -I{} cp {} .device/lib/
rm -f .device/examples.cp
cp cuda/device/gpu-run.sh benchmarks/function-benchmarks.sh .device/
# the device tool carries 64 MiB with the tree: byte-buddy only serves AssertJ's soft assertions and assumptions,
# which the cuda tests do not use, and JNA needs only its linux-x86-64 native
rm -f .device/lib/byte-buddy-*.jar
for j in .device/lib/jna-*.jar; do
  zip -q -d "$j" $(unzip -Z1 "$j" | grep '^com/sun/jna/.*/libjnidispatch' | grep -v '/linux-x86-64/') || true
done
# TA-Lib C, the conformance reference of the GPU tests (scripts/install-talib-c.sh built it here)
mkdir -p .device/talib && cp "$(cat "${XDG_CACHE_HOME:-$HOME/.cache}/hybridta/talib-c.path")" .device/talib/libta-lib.so
if [ "$target" != "$root" ]; then
  rm -rf "$target/.device-cuda" && cp -r .device "$target/.device-cuda"
  gitdir=$(cd "$target" && cd "$(git rev-parse --git-common-dir)" && pwd)
  mkdir -p "$gitdir/info"; grep -qx '/.device-cuda/' "$gitdir/info/exclude" 2>/dev/null || echo '/.device-cuda/' >> "$gitdir/info/exclude"
fi
du -sh .device
