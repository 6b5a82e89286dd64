#!/usr/bin/env bash
# The README's screenshots: the expense and charts pages at desktop and phone width, light and dark. The browser
# journey that checks the themes (LookAndFeelJourneys) takes them into artifacts/screenshots/readme; this copies them
# into docs/screenshots.
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
rm -rf artifacts/screenshots/readme
dotnet test ExpenseTracker.Web.Tests/ExpenseTracker.Web.Tests.csproj --filter "FullyQualifiedName~Browser.LookAndFeelJourneys" -nologo
mkdir -p docs/screenshots
cp artifacts/screenshots/readme/*.png docs/screenshots/
ls -l docs/screenshots
