#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:8080/ with live reload and the forms API
# (stored in .data/ by default; no Azure needed). Extra arguments go to `startuphub serve`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec dotnet run --project site/StartupHub.Cli -c Release -- serve "$@"
