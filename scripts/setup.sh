#!/usr/bin/env bash
# Installs what the project needs on a fresh machine; cheap to re-run (each step checks first).
#   scripts/setup.sh            .NET restore + pinned npm tools (Pagefind, Azurite, ...)
#   scripts/setup.sh --browser  also Debian's Chromium, Japanese fonts and Java (for the Nu validator)
#   scripts/setup.sh --native   also clang, which links the ahead-of-time compiled CLI (./build-native.sh)
# Flags combine (test.sh passes both).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_native=false
for flag in "$@"; do
  case $flag in
    --browser) want_browser=true ;;
    --native) want_native=true ;;
    *) echo "setup: unknown flag $flag (--browser, --native)" >&2; exit 2 ;;
  esac
done

need_apt=()
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }
command -v node >/dev/null || need_apt+=(nodejs npm)
if $want_browser; then
  [[ -x /usr/bin/chromium ]] || need_apt+=(chromium)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
  command -v java >/dev/null || need_apt+=(default-jre-headless)
fi
if $want_native; then
  # Native AOT links with clang, or Debian's /usr/bin/clang-14 (StartupHub.Cli.Native.csproj looks for that path),
  # and the zlib headers.
  command -v clang >/dev/null || [[ -x /usr/bin/clang-14 ]] || need_apt+=(clang)
  [[ -f /usr/include/zlib.h ]] || need_apt+=(zlib1g-dev)
fi
if ((${#need_apt[@]})); then
  echo "setup: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# npm tools are pinned by package-lock.json; reinstall only when the lock changed.
stamp=node_modules/.startuphub-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci (pinned tools)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

dotnet restore StartupHub.sln --verbosity quiet
