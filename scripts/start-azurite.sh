#!/usr/bin/env bash
# Starts Azurite's blob service on a free loopback port in the given folder and prints
# `STARTUPHUB_TEST_AZURITE=<connection string>`, `STARTUPHUB_TEST_AZURITE_DIR=<data folder>` and `azurite_pid=<pid>`
# for the caller to source.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: start-azurite.sh DATA_DIR}
mkdir -p "$dir"
port=$(node -e 'const s=require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$port" --location "$dir" \
  --skipApiVersionCheck --disableTelemetry --silent > "$dir/azurite.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
(echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "start-azurite: Azurite did not start" >&2; cat "$dir/azurite.log" >&2; exit 1; }
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
echo "STARTUPHUB_TEST_AZURITE='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;'"
# The data folder, so tests can scan Azurite's raw files for plaintext personal data.
echo "STARTUPHUB_TEST_AZURITE_DIR='$(cd "$dir" && pwd)'"
echo "azurite_pid=$pid"
