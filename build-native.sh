#!/usr/bin/env bash
# Compiles `startuphub-native` (the CLI's build and check commands, ahead of time: no JIT at start) into
# artifacts/native/. About a minute on two cores. Then, for example:
#   artifacts/native/startuphub-native build --out _site
# serve and forms stay with the .NET CLI (./run.sh). See docs/cli.md, "ネイティブ版".
set -euo pipefail
cd "$(dirname "$0")"
[[ $(uname -s) == Linux ]] || { echo "build-native: Linux only (the project's scripts and tests target linux-x64 / linux-arm64)" >&2; exit 2; }
case $(uname -m) in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "build-native: unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac
scripts/setup.sh --native
dotnet publish site/StartupHub.Cli.Native -c Release -r "$rid" -o artifacts/native --nologo -v quiet
echo "build-native: artifacts/native/startuphub-native"
