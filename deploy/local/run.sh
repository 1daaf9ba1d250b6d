#!/usr/bin/env bash
# The main job: the whole platform on embedded Kafka and MongoDB (no Docker), replaying a scenario through the
# public interfaces and printing each alert as it is raised. Ctrl-C stops everything.
#   deploy/local/run.sh [scenario.json]      default: services/ward-simulator/scenarios/motivating-case.json
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

stamp=.graftwatch/build.stamp
mkdir -p .graftwatch
# Build when something was never built, or a source changed since the last build.
if [[ ! -f $stamp || ! -f deploy/local/target/local-stack.jar || ! -f services/ward-simulator/target/ward-simulator.jar ]] \
   || [[ -n $(find pom.xml services deploy -newer "$stamp" -type f -not -path '*/target/*' -print -quit) ]]; then
  echo "[graftwatch] building (./mvnw package, tests skipped; run ./mvnw verify for the tests)"
  ./mvnw -B -q package -DskipTests
  touch "$stamp"
fi

exec java -Dgraftwatch.home="$root" -jar deploy/local/target/local-stack.jar "$@"
