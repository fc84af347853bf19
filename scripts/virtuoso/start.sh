#!/usr/bin/env bash
# Starts a scratch Virtuoso 7 for claimgraph: a fresh database in DIR (or a new temporary folder),
# listening on 127.0.0.1 only, then waits until its SPARQL endpoint answers.
#
#   scripts/virtuoso/start.sh [DIR]
#
# Prints key=value lines a script can read:
#   dir=…  pid=…  http=http://127.0.0.1:PORT  endpoint=…/sparql  graph_store=…/sparql-graph-crud-auth
#   isql=PORT
# The database user is dba with password dba (a fresh database's), so keep it on loopback.
# Environment:
#   VIRTUOSO_HTTP_PORT     HTTP port (default 28890)
#   VIRTUOSO_ISQL_PORT     SQL (isql) port (default 21111)
#   VIRTUOSO_BUFFERS       NumberOfBuffers, 8 KB pages in memory (default 10000, ~80 MB)
#   VIRTUOSO_START_TIMEOUT seconds to wait for the endpoint (default 60)
# A DIR that already holds a database is started again with its data; scripts/virtuoso/stop.sh DIR
# stops it.
set -euo pipefail

http_port="${VIRTUOSO_HTTP_PORT:-28890}"
isql_port="${VIRTUOSO_ISQL_PORT:-21111}"
buffers="${VIRTUOSO_BUFFERS:-10000}"
timeout_s="${VIRTUOSO_START_TIMEOUT:-60}"

fail() {
  printf 'start.sh: %s\n' "$*" >&2
  exit 1
}

command -v virtuoso-t >/dev/null 2>&1 ||
  fail "virtuoso-t not found: install virtuoso-opensource-7-bin (see .ci/run)"

for port in "$http_port" "$isql_port"; do
  [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || fail "not a port number: $port"
  # A port someone already listens on would make Virtuoso exit after a long wait.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port on 127.0.0.1 is in use; set VIRTUOSO_HTTP_PORT / VIRTUOSO_ISQL_PORT"
  fi
done

if [[ $# -ge 1 ]]; then
  dir="$1"
  mkdir -p "$dir"
else
  dir="$(mktemp -d "${TMPDIR:-/tmp}/claimgraph-virtuoso.XXXXXX")"
fi
dir="$(cd "$dir" && pwd)"
[[ "$dir" != *,* ]] || fail "the folder must not contain a comma (DirsAllowed is comma-separated): $dir"

if [[ -f "$dir/virtuoso.pid" ]] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
  fail "a Virtuoso already runs from $dir (pid $(cat "$dir/virtuoso.pid")); stop it with scripts/virtuoso/stop.sh $dir"
fi

mkdir -p "$dir/load"
dirty=$((buffers * 3 / 4))
cat >"$dir/virtuoso.ini" <<INI
; Written by claimgraph's scripts/virtuoso/start.sh: a scratch database on 127.0.0.1 only.
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$isql_port
ServerThreads      = 10
CheckpointInterval = 60
NumberOfBuffers    = $buffers
MaxDirtyBuffers    = $dirty
MaxQueryMem        = 200M
; Sorted pages (ORDER BY … LIMIT … OFFSET) past 10000 rows: Virtuoso reads this here, not in [SPARQL].
MaxSortedTopRows   = 1000000
; The bulk loader (ld_dir) reads only from these folders; scripts/virtuoso/bulk-load.sh copies into load/.
DirsAllowed        = ., $dir, $dir/load

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dir
ServerThreads        = 10
MaxClientConnections = 10
KeepAliveTimeout     = 10
MaxKeepAlives        = 10
EnabledDavVSP        = 0

[SPARQL]
; High limits so paginated reads are never cut short silently (the stock ini has 10000).
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 300
MaxQueryCostEstimationTime = 0
INI

log="$dir/virtuoso.log"
out="$dir/virtuoso.out"
: >"$out"
nohup virtuoso-t +configfile "$dir/virtuoso.ini" +foreground >>"$out" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$dir/virtuoso.pid"

# One HTTP request over bash's /dev/tcp (no curl needed): true when /sparql answers 200.
sparql_answers() {
  local status=""
  exec 3<>"/dev/tcp/127.0.0.1/$http_port" || return 1
  printf 'GET /sparql?query=ASK%%7B%%7D HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r -t 5 status <&3 || true
  exec 3<&- 3>&-
  [[ "$status" == *" 200 "* ]]
}

deadline=$((SECONDS + timeout_s))
until sparql_answers 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
    running=false
    kill -0 "$pid" 2>/dev/null && running=true
    if $running; then
      # Stopped before the pid file goes: nothing is left running that no file names.
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
    {
      if $running; then
        echo "start.sh: Virtuoso did not answer on http://127.0.0.1:$http_port/sparql within ${timeout_s}s (stopped)"
      else
        echo "start.sh: Virtuoso exited before its endpoint answered"
      fi
      echo "--- last lines of $log"
      tail -n 20 "$log" 2>/dev/null || true
      echo "--- last lines of $out"
      tail -n 20 "$out" 2>/dev/null || true
    } >&2
    rm -f "$dir/virtuoso.pid"
    exit 1
  fi
  sleep 0.2
done

cat <<OUT
dir=$dir
pid=$pid
http=http://127.0.0.1:$http_port
endpoint=http://127.0.0.1:$http_port/sparql
graph_store=http://127.0.0.1:$http_port/sparql-graph-crud-auth
isql=$isql_port
OUT
