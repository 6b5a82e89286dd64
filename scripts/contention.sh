#!/usr/bin/env bash
# Issue 14's contention probe, repeatable: the published app (Release) on each store, with 32 clients adding expenses
# into one person's month at once over HTTP. Prints the answers (every one should be 201), latency, the total and
# the budget alerts (one per line crossed: the default ₹10,000 budget and its 80% warning).
#   bash scripts/contention.sh [--stores dynamodb,sqlite] [--clients 32] [--each 16]
set -euo pipefail
cd "$(dirname "$0")/.."
stores="dynamodb,sqlite"; clients=32; each=16
while [ $# -gt 0 ]; do
  case "$1" in
    --stores) stores="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --each) each="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

app="artifacts/benchmark/app"
echo "==> publishing the app (Release) into $app"
dotnet publish ExpenseTracker.Web/ExpenseTracker.Web.csproj --configuration Release --output "$app" -nologo -verbosity:quiet
[ -d node_modules/amplify-dynamodb-simulator ] || npm ci --silent

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
work="$(mktemp -d)"; pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

status=0
for store in ${stores//,/ }; do
  settings=(Accounts__Registration=Open Accounts__RateLimit__PermitLimit=1000000 StaticAssets__Serve=false)
  if [ "$store" = dynamodb ]; then
    engine="node_modules/amplify-dynamodb-simulator/emulator"; dport="$(free_port)"
    (cd "$engine" && exec java -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -inMemory -sharedDb -port "$dport" -disableTelemetry) >"$work/engine.log" 2>&1 &
    pids+=($!)
    settings+=(Storage__Provider=DynamoDb "Storage__DynamoDb__ServiceUrl=http://127.0.0.1:$dport" Storage__DynamoDb__CreateTableIfMissing=true)
    sleep 3
  else
    settings+=(Storage__Provider=Sqlite "Storage__Sqlite__Path=$work/contention.db")
  fi
  port="$(free_port)"
  env "${settings[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" "$app/ExpenseTracker.Web" >"$work/app-$store.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/healthz"
  echo "==> $store: $clients clients x $each adds"
  python3 scripts/contention_load.py "$port" "$clients" "$each" || status=1
  grep -E '^(fail|crit)' "$work/app-$store.log" && status=1 || true
done
exit "$status"
