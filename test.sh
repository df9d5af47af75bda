#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what is missing, starts Azurite, runs all test
# projects, stops the services, and prints one closing line "Tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --browser --native

work=$(mktemp -d /tmp/startuphub-test.XXXXXX)
# Never fails: it runs on exit, and a failing command here would replace the tests' exit status.
cleanup() {
  local pid
  for pid in ${azurite_pid:-} ${maildev_pid:-}; do
    kill "$pid" 2>/dev/null || true
  done
  # The services are not this shell's children (`wait` cannot see them): poll until they are gone, so that
  # Azurite is not still writing into the folder being removed (that made rm fail and the run exit 1).
  for _ in $(seq 1 50); do
    alive=0
    for pid in ${azurite_pid:-} ${maildev_pid:-}; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    ((alive == 0)) && break
    sleep 0.1
  done
  rm -rf "$work" 2>/dev/null || rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

scripts/start-azurite.sh "$work/azurite" > "$work/azurite.env"
# shellcheck disable=SC1091
source "$work/azurite.env"
export STARTUPHUB_TEST_AZURITE STARTUPHUB_TEST_AZURITE_DIR

scripts/start-maildev.sh "$work/maildev" > "$work/maildev.env"
# shellcheck disable=SC1091
source "$work/maildev.env"
export STARTUPHUB_TEST_MAILDEV_SMTP STARTUPHUB_TEST_MAILDEV_WEB

results="$work/results"
status=0
dotnet test StartupHub.sln --nologo --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0 failed=0 skipped=0
for f in "$results"/*.trx; do
  [[ -f $f ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  x=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  n=$(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)) failed=$((failed + x)) skipped=$((skipped + n))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if ((passed == 0)); then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
