#!/usr/bin/env bash
# Lighthouse on the expense, charts and settings pages, signed in (issue 20): publishes the app, then
# scripts/lighthouse.mjs runs it on a fresh SQLite file and measures each page on a phone and a desktop in Debian's
# Chromium. Rewrites docs/lighthouse.md and docs/lighthouse/*.json; fails when a score is under the floor (95).
#   bash scripts/lighthouse.sh [--floor 95] [--runs 3] [--port 5097]
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error
command -v /usr/bin/chromium >/dev/null || { echo "Lighthouse needs Chromium at /usr/bin/chromium (apt-get install chromium)." >&2; exit 1; }

app="artifacts/lighthouse/app"
echo "==> publishing the app (Release) into $app"
dotnet publish ExpenseTracker.Web/ExpenseTracker.Web.csproj --configuration Release --output "$app" -nologo -verbosity:quiet

mkdir -p docs/lighthouse
node scripts/lighthouse.mjs --app "$app/ExpenseTracker.Web" --command "bash scripts/lighthouse.sh${*:+ $*}" "$@"
