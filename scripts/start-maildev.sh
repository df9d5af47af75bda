#!/usr/bin/env bash
# Starts maildev (a local SMTP server with a web UI and REST API, pinned in package.json) on free loopback
# ports and prints `STARTUPHUB_TEST_MAILDEV_SMTP=<port>`, `STARTUPHUB_TEST_MAILDEV_WEB=<url>` and
# `maildev_pid=<pid>` for the caller to source. Mails are kept in memory; the folder only holds the log.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: start-maildev.sh LOG_DIR}
mkdir -p "$dir"
free_port() { node -e 'const s=require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
smtp=$(free_port)
web=$(free_port)
while [[ $web == "$smtp" ]]; do web=$(free_port); done
node_modules/.bin/maildev --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1 --silent \
  > "$dir/maildev.log" 2>&1 &
pid=$!
up() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 150); do
  if up "$smtp" && up "$web"; then break; fi
  sleep 0.1
done
if ! up "$smtp" || ! up "$web"; then
  echo "start-maildev: maildev did not start" >&2
  cat "$dir/maildev.log" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi
echo "STARTUPHUB_TEST_MAILDEV_SMTP=$smtp"
echo "STARTUPHUB_TEST_MAILDEV_WEB=http://127.0.0.1:$web"
echo "maildev_pid=$pid"
