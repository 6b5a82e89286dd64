#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md: for each store and size, a fresh store seeded through its batch path, then the
# published app (Release, Production) on a loopback port, driven over real HTTP. Replaces that store's figures in
# docs/benchmarks.md and prints them.
#   bash scripts/benchmark.sh [--sizes 1000,10000,100000] [--stores sqlite] [--requests 2000] [--warmup 200] [--concurrency 2]
#   bash scripts/benchmark.sh import-export [--stores sqlite,dynamodb-local] [--rows 50000] [--export 100000]
set -euo pipefail
cd "$(dirname "$0")/.."

app="artifacts/benchmark/app"
echo "==> publishing the app (Release) into $app"
dotnet publish ExpenseTracker.Web/ExpenseTracker.Web.csproj --configuration Release --output "$app" -nologo -verbosity:quiet

echo "==> building the benchmark"
dotnet build scripts/Benchmark/ExpenseTracker.Benchmark.csproj --configuration Release -nologo -verbosity:quiet

if [[ "${1:-}" == "import-export" ]]; then
  shift
  exec dotnet scripts/Benchmark/bin/Release/net10.0/ExpenseTracker.Benchmark.dll import-export \
    --app "$app/ExpenseTracker.Web" --doc docs/benchmarks.md "$@"
fi

dotnet scripts/Benchmark/bin/Release/net10.0/ExpenseTracker.Benchmark.dll \
  --app "$app/ExpenseTracker.Web" --doc docs/benchmarks.md --command "bash scripts/benchmark.sh${*:+ $*}" "$@"
