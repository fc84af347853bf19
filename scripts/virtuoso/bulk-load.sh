#!/usr/bin/env bash
# Loads one RDF file into a Virtuoso started by scripts/virtuoso/start.sh DIR with Virtuoso's bulk
# loader (ld_dir + rdf_loader_run), the fast path for big files: no HTTP, no 10 MB request limit.
#
#   scripts/virtuoso/bulk-load.sh DIR FILE GRAPH
#
# FILE is Turtle (.ttl), N-Triples (.nt), N-Quads (.nq) or TriG (.trig), optionally gzipped (.gz).
# GRAPH is the graph IRI for triples without one (all of a .ttl/.nt; quads keep their own graph).
# Loading adds to what the store holds: clear a graph first (SPARQL CLEAR GRAPH) to replace it.
# Restart the store before querying it (stop.sh DIR, then start.sh DIR with the same settings):
# queried right after a bulk load, Virtuoso planned some of claimgraph's queries badly until it
# was restarted.
# The file is copied into DIR/load/ because the loader only reads folders listed in DirsAllowed.
# Prints key=value lines: file, graph, ms, added (triples the store gained), triples (its total).
# Environment: VIRTUOSO_DBA_PASSWORD (default dba).
set -euo pipefail

fail() {
  printf 'bulk-load.sh: %s\n' "$*" >&2
  exit 1
}

[[ $# -eq 3 ]] || fail "usage: scripts/virtuoso/bulk-load.sh DIR FILE GRAPH"
dir="$(cd "$1" && pwd)" || fail "no folder $1"
file="$2"
graph="$3"
ini="$dir/virtuoso.ini"
[[ -f "$ini" ]] || fail "no virtuoso.ini in $dir: start the store with scripts/virtuoso/start.sh $dir"
[[ -f "$file" ]] || fail "no file $file"
case "$file" in
  *.ttl | *.nt | *.nq | *.trig | *.ttl.gz | *.nt.gz | *.nq.gz | *.trig.gz) ;;
  *) fail "cannot tell the format of $file: use .ttl, .nt, .nq or .trig (optionally .gz)" ;;
esac
[[ "$graph" =~ ^[a-zA-Z][a-zA-Z0-9+.-]*:[^[:space:]\'\<\>\"]+$ ]] || fail "not a graph IRI: $graph"
command -v isql-vt >/dev/null 2>&1 || fail "isql-vt not found: install virtuoso-opensource-7-bin (see .ci/run)"
isql_port="$(sed -n 's/^ServerPort *= *127\.0\.0\.1:\([0-9]*\).*/\1/p' "$ini" | head -n 1)"
[[ -n "$isql_port" ]] || fail "no SQL ServerPort in $ini"

# Each load gets its own folder, so ld_dir registers exactly this file.
batch="$(mktemp -d "$dir/load/batch.XXXXXX")"
name="$(basename "$file")"
cp -- "$file" "$batch/$name"

isql() {
  isql-vt "127.0.0.1:$isql_port" dba "${VIRTUOSO_DBA_PASSWORD:-dba}" VERBOSE=OFF BANNER=OFF \
    ERRORS=STDOUT "exec=$1" 2>&1
}

count() {
  isql "sparql select count(*) where { graph ?g { ?s ?p ?o } };" |
    grep -E '^[[:space:]]*[0-9]+[[:space:]]*$' | tr -d '[:space:]' | head -n 1
}

before="$(count)"
t0="$(date +%s%N)"
output="$(isql "ld_dir('$batch', '$name', '$graph'); rdf_loader_run(); checkpoint;")"
if grep -q '\*\*\* Error' <<<"$output"; then
  printf '%s\n' "$output" >&2
  fail "the bulk loader failed on $file"
fi
state="$(isql "select ll_state, ll_error from DB.DBA.LOAD_LIST where ll_file = '$batch/$name';")"
rm -rf "$batch"
if ! grep -qE '^2( |$)' <<<"$(sed 's/^[[:space:]]*//' <<<"$state")" || grep -qiE 'error|[0-9]{5}' <<<"$state"; then
  printf '%s\n' "$state" >&2
  fail "the bulk loader did not load $file (ll_state/ll_error above)"
fi
ms=$((($(date +%s%N) - t0) / 1000000))
after="$(count)"

cat <<OUT
file=$file
graph=$graph
ms=$ms
added=$((after - before))
triples=$after
OUT
