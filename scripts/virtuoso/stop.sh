#!/usr/bin/env bash
# Stops a Virtuoso started by scripts/virtuoso/start.sh DIR: asks it to shut down (isql -K, which
# checkpoints first), waits for the process to end, and kills it if it does not.
#
#   scripts/virtuoso/stop.sh DIR
#
# Environment: VIRTUOSO_DBA_PASSWORD (default dba), VIRTUOSO_STOP_TIMEOUT seconds (default 30).
# The folder is left in place (start.sh DIR starts the same database again); delete it when done.
set -euo pipefail

fail() {
  printf 'stop.sh: %s\n' "$*" >&2
  exit 1
}

[[ $# -ge 1 ]] || fail "usage: scripts/virtuoso/stop.sh DIR (the dir= that start.sh printed)"
dir="$1"
ini="$dir/virtuoso.ini"
[[ -f "$ini" ]] || fail "no virtuoso.ini in $dir"
timeout_s="${VIRTUOSO_STOP_TIMEOUT:-30}"

# Alive: the process exists and is not a zombie left for a parent that never reaps it.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

pid=""
[[ -f "$dir/virtuoso.pid" ]] && pid="$(cat "$dir/virtuoso.pid")"
if [[ -z "$pid" ]] || ! alive "$pid"; then
  rm -f "$dir/virtuoso.pid"
  echo "stop.sh: no Virtuoso running from $dir"
  exit 0
fi

# The SQL port is the first ServerPort in the ini (the [Parameters] one), e.g. 127.0.0.1:21111.
isql_port="$(sed -n 's/^ServerPort *= *127\.0\.0\.1:\([0-9]*\).*/\1/p' "$ini" | head -n 1)"
if [[ -n "$isql_port" ]] && command -v isql-vt >/dev/null 2>&1; then
  timeout 20 isql-vt "127.0.0.1:$isql_port" dba "${VIRTUOSO_DBA_PASSWORD:-dba}" -K >/dev/null 2>&1 || true
fi

deadline=$((SECONDS + timeout_s))
while alive "$pid"; do
  if ((SECONDS >= deadline)); then
    echo "stop.sh: Virtuoso (pid $pid) did not shut down within ${timeout_s}s; killing it" >&2
    kill "$pid" 2>/dev/null || true
    sleep 2
    kill -9 "$pid" 2>/dev/null || true
    break
  fi
  sleep 0.2
done
rm -f "$dir/virtuoso.pid"
echo "stop.sh: stopped Virtuoso (pid $pid) from $dir"
