#!/usr/bin/env bash
# Runs a benchmark: bench/run.sh [name] [args...]. Names: serialization (default), storage, wordcount, rdd-ops, wal,
# kafka, streaming (runs with the kernel's JVM flags, C1 only; EDDY_BENCH_JIT=c2 runs it with the C2 flags of the others).
# Builds the engine and the benchmarks quietly first; needs a JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-serialization}"
[ $# -gt 0 ] && shift
case "$name" in
  serialization) main=dev.eddy.bench.SerializationBenchmark ;;
  storage) main=dev.eddy.bench.StorageBenchmark ;;
  wordcount) main=dev.eddy.bench.WordCountBenchmark ;;
  rdd-ops) main=dev.eddy.bench.RddOpsBenchmark ;;
  streaming) main=dev.eddy.bench.StreamingBenchmark ;;
  wal) main=dev.eddy.bench.WalBenchmark ;;
  kafka) main=dev.eddy.bench.KafkaBenchmark ;;
  *) echo "unknown benchmark '$name'; known: serialization, storage, wordcount, rdd-ops, streaming, wal, kafka" >&2; exit 2 ;;
esac

mvn_opts=(-q -B)
if ! mvn "${mvn_opts[@]}" -o -pl bench -am compile \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null 2>&1; then
  # offline failed (a dependency or plugin is missing locally): let Maven download it
  mvn "${mvn_opts[@]}" -pl bench -am compile \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi

# The Kafka benchmark starts a local broker (a child JVM) from the kafka-broker module's build.
extra_flags=()
if [ "$name" = kafka ]; then
  if [ ! -f kafka-broker/target/broker-lib/eddy-kafka-broker.jar ]; then
    mvn "${mvn_opts[@]}" -o -pl kafka-broker package -DskipTests >/dev/null 2>&1 \
      || mvn "${mvn_opts[@]}" -pl kafka-broker package -DskipTests
  fi
  extra_flags=(-Deddy.kafka.broker.classpath="$PWD/kafka-broker/target/broker-lib/*")
fi

# The library notes' --add-opens flags, so the engine runs as in notebooks. The streaming benchmark
# reports RSS and latency as a notebook sees them, so it takes the kernelspec's heap, GC and JIT flags.
if [ "$name" = streaming ] && [ "${EDDY_BENCH_JIT:-c1}" != c2 ]; then
  heap_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=50)
else
  heap_flags=(-Xms2g -Xmx2g)
fi
jvm_flags=(
  "${heap_flags[@]}"
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.regex=ALL-UNNAMED
)
exec java "${jvm_flags[@]}" ${extra_flags[@]+"${extra_flags[@]}"} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
