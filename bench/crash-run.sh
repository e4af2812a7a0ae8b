#!/usr/bin/env bash
# The long run of the process-level crash suite (docs/reliability.md): the same tests as in the test command
# (marketplace/src/test/java/dev/ordo/marketplace/crash), only bigger. By default 10,000 orders with 50 SIGKILLs, and
# 2,000 orders with 10 database outages, on SQLite and on PostgreSQL, one seed for all (printed; pass it back with
# --seed to replay). Each run's figures and violations end up in marketplace/target/crash/<backend>-<kind>-<seed>/
# report.txt, printed at the end. Then bad input at scale with the same seed: 200 requests per operation generated
# from the OpenAPI document on each backend, and 2,000 mutations per decoder input (the test command sends 16 and 150).
#
#   bench/crash-run.sh [--orders 10000] [--kills 50] [--outage-orders 2000] [--outages 10] [--clients 16]
#                      [--backends sqlite,postgres] [--only kills|outages|bad-input] [--answer-within 90]
#                      [--settle-within 300] [--requests-per-operation 200] [--decoder-mutations 2000] [--seed N]
#                      [--app-args "--marketplace.x=1 --marketplace.y=2"]   (more arguments for the marketplace)
set -euo pipefail
cd "$(dirname "$0")/.."

orders=10000
kills=50
outage_orders=2000
outages=10
clients=16
backends=sqlite,postgres
only=""
answer_within=90
settle_within=300
requests_per_operation=200
decoder_mutations=2000
seed=$(( (RANDOM << 30) | (RANDOM << 15) | RANDOM ))
app_args=""

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --orders) orders="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    --outage-orders) outage_orders="$2"; shift 2 ;;
    --outages) outages="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --backends) backends="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --answer-within) answer_within="$2"; shift 2 ;;
    --settle-within) settle_within="$2"; shift 2 ;;
    --requests-per-operation) requests_per_operation="$2"; shift 2 ;;
    --decoder-mutations) decoder_mutations="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --app-args) app_args="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
done

case "$only" in
  "") tests="ProcessCrashIntegrationTests,DatabaseOutageIntegrationTests" ;;
  kills) tests="ProcessCrashIntegrationTests" ;;
  outages) tests="DatabaseOutageIntegrationTests" ;;
  bad-input) tests="" ;;
  *) echo "--only takes kills, outages or bad-input, not '$only'" >&2; exit 2 ;;
esac

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate" || echo 0)" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME="$candidate"
    break
  fi
done
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" || echo 0)" -lt 21 ] 2>/dev/null; then
  echo "error: no JDK 21 or newer found; set JAVA_HOME to one" >&2
  exit 1
fi

echo "crash run: seed $seed (replay with --seed $seed); $orders orders with $kills kills, $outage_orders orders with" \
     "$outages outages, $clients customers, on $backends; JDK $JAVA_HOME"
status=0
if [ -n "$tests" ]; then
  ./mvnw -B -pl marketplace -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$tests" \
    -Dordo.faults.seed="$seed" -Dordo.crash.orders="$orders" -Dordo.crash.kills="$kills" \
    -Dordo.crash.outage-orders="$outage_orders" -Dordo.crash.outages="$outages" -Dordo.crash.clients="$clients" \
    -Dordo.crash.backends="$backends" -Dordo.crash.answer-within-seconds="$answer_within" \
    -Dordo.crash.settle-within-seconds="$settle_within" -Dordo.crash.app-args="$app_args" || status=$?

  for report in marketplace/target/crash/*-"$seed"/report.txt; do
    [ -f "$report" ] && { echo; cat "$report"; }
  done
fi

if [ -z "$only" ] || [ "$only" = bad-input ]; then
  echo
  echo "bad input: $requests_per_operation requests per operation on each backend, $decoder_mutations decoder mutations"
  fuzz_log=marketplace/target/bad-input-"$seed".log
  ./mvnw -B -pl marketplace -am test -Dordo.faults.seed="$seed" \
    -Dtest='SqliteOpenApiFuzzIntegrationTests,PostgresOpenApiFuzzIntegrationTests,DecoderRobustnessUnitTests' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dordo.fuzz.requests-per-operation="$requests_per_operation" \
    -Dordo.fuzz.decoder-mutations="$decoder_mutations" > "$fuzz_log" 2>&1 || status=$?
  grep -E 'bad input: |Tests run:|FAIL' "$fuzz_log" | grep -v ' -- in ' || true
  echo "(full output in $fuzz_log)"
fi
exit "$status"
