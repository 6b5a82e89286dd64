#!/usr/bin/env bash
# Measures what docs/aws.md reports: the size of the Lambda zip and the time from starting the published
# executable to its first answers (/healthz, then the home page), with and without ReadyToRun.
# Local figures on this machine, not Lambda's cold start (which adds the runtime's init and the adapter).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() {
  echo $(($(date +%s%N) / 1000000))
}

measure() {
  local label="$1" ready_to_run="$2"
  local out="$work/$label"
  dotnet publish ExpenseTracker.Web/ExpenseTracker.Web.csproj --configuration Release --runtime linux-x64 \
    --self-contained false -p:PublishReadyToRun="$ready_to_run" --artifacts-path "$work/build-$label" \
    --output "$out/publish" -nologo >/dev/null
  (cd "$out/publish" && zip -q -r -X ../app.zip . -x 'wwwroot-static/*')
  local zip_bytes
  zip_bytes=$(stat -c %s "$out/app.zip")

  local health_times=() page_times=()
  for run in $(seq "$runs"); do
    local port start pid health page
    port="$(free_port)"
    rm -f "$work/measure.db"*
    start=$(now_ms)
    (cd "$out/publish" && ASPNETCORE_HTTP_PORTS="$port" ASPNETCORE_ENVIRONMENT=Production \
      AWS_LAMBDA_FUNCTION_NAME=measure Hosting__BehindProxy=true StaticAssets__Serve=false \
      StaticAssets__BaseUrl=/static/v-measure Storage__Provider=Sqlite Storage__Sqlite__Path="$work/measure.db" \
      exec ./ExpenseTracker.Web >/dev/null 2>&1) &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
    health=$(($(now_ms) - start))
    curl -fs -o /dev/null "http://127.0.0.1:$port/"
    page=$(($(now_ms) - start))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    health_times+=("$health")
    page_times+=("$page")
    echo "  $label run $run: /healthz after ${health} ms, first page after ${page} ms" >&2
  done

  median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
  printf '%-12s zip %6.1f MB (%s bytes)   /healthz %5s ms   first page %5s ms   (median of %s)\n' \
    "$label" "$(awk -v b="$zip_bytes" 'BEGIN { print b / 1048576 }')" "$zip_bytes" "$(median "${health_times[@]}")" "$(median "${page_times[@]}")" "$runs"
}

measure ready-to-run true
measure jit false
