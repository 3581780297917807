#!/usr/bin/env bash
# Every output the engine writes, from one commit and from the working tree, compared byte for byte:
# the seed report's extract JSON, and for a store holding the seed and the shipped samples every
# listing and export (events as JSON, JSON Lines, CSV, GeoJSON and Parquet; stored reports; stats;
# situation reports in Markdown and HTML; an event shown). A restructuring must leave them all alike.
#   bench/outputs/compare.sh [BASE_COMMIT]      (default HEAD)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
base=${1:-HEAD}
work=$(mktemp -d /tmp/sitrep-outputs.XXXXXX)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

source bench/lib/worktree.sh
checkout_commit "$base" "$work/base"

# Writes every output of the build in $1 into the folder $2.
outputs() {
  local tree=$1 out=$2
  dotnet build -c Release "$tree/src/Sitrep.Cli" >/dev/null
  local sitrep="$tree/src/Sitrep.Cli/bin/Release/net10.0/sitrep" db="$out/store.db"
  mkdir -p "$out"
  "$sitrep" extract ../shared/seed/kazakhstan-2022-01-06.txt --format json >"$out/seed-extract.json"
  "$sitrep" ingest ../shared/seed/kazakhstan-2022-01-06.txt samples --db "$db" >/dev/null 2>&1
  for f in json jsonl csv geojson; do "$sitrep" events --db "$db" --format "$f" >"$out/events.$f"; done
  "$sitrep" events --db "$db" --format parquet --out "$out/events.parquet" 2>/dev/null
  "$sitrep" docs --db "$db" --format json >"$out/docs.json"
  "$sitrep" stats --db "$db" --format json >"$out/stats.json"
  "$sitrep" report --db "$db" --country KZ --format md --out "$out/report-kz.md" 2>/dev/null
  "$sitrep" report --db "$db" --country SO --format html --out "$out/report-so.html" 2>/dev/null
  local first
  first=$("$sitrep" events --db "$db" --format jsonl | head -1 | sed -E 's/^\{"id":"?([^",]+).*/\1/')
  "$sitrep" show "$first" --db "$db" >"$out/show-first.txt"
  rm -f "$db" "$db"-*
}

outputs "$work/base" "$work/before"
outputs "$root" "$work/after"
status=0
for f in "$work/before"/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$work/after/$name"; then echo "same       $name ($(wc -c <"$f") bytes)"; else echo "DIFFERENT  $name"; status=1; fi
done
exit $status
