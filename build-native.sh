#!/usr/bin/env bash
# Compiles `startuphub-native` (the CLI's build and check commands, ahead of time: no JIT at start) into
# artifacts/native/. About a minute on two cores. Then, for example:
#   artifacts/native/startuphub-native build --out _site
# serve and forms stay with the .NET CLI (./run.sh). See docs/cli.md, "ネイティブ版".
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --native
rid=linux-$(uname -m | sed "s/x86_64/x64/;s/aarch64/arm64/")
dotnet publish site/StartupHub.Cli.Native -c Release -r "$rid" -o artifacts/native --nologo -v quiet
echo "build-native: artifacts/native/startuphub-native"
