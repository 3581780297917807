#!/usr/bin/env bash
# Shared-deployment throughput: REPORTS generated reports queued in a throwaway PostgreSQL, ingested by
# 1, 2 and 4 worker processes (one thread each), every stage and linking on; after each run a check
# query counts lost and duplicated reports.
#   bench/shared/workers.sh [REPORTS] [WORKER_COUNTS...]     e.g. bench/shared/workers.sh 100000 1 2 4
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=${1:-20000}; shift || true
counts=("${@:-1 2 4}"); counts=(${counts[@]})
work=$(mktemp -d /tmp/sitrep-bench-pg.XXXXXX)
chmod 755 "$work" # the server runs as the postgres user
trap '.ci/postgres stop "$work/pg"; rm -rf "$work"' EXIT

dotnet build -c Release src/Sitrep.Cli >/dev/null
dotnet build -c Release bench/Sitrep.Bench >/dev/null
sitrep=src/Sitrep.Cli/bin/Release/net10.0/sitrep
dotnet bench/Sitrep.Bench/bin/Release/net10.0/Sitrep.Bench.dll --write-corpus "$work/corpus.jsonl" --count "$reports" --duplicates 0.3 --spread-days 365 >&2
port=55532
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base=$(.ci/postgres start "$work/pg" "$port")

for n in "${counts[@]}"; do
  db="bench_$n"
  psql -qX -h 127.0.0.1 -p "$port" -U postgres -d sitrep -c "CREATE DATABASE $db" >/dev/null
  psql -qX -h 127.0.0.1 -p "$port" -U postgres -d "$db" -c "CREATE EXTENSION postgis; CREATE EXTENSION unaccent" >/dev/null
  conn="${base/Database=sitrep/Database=$db}"
  "$sitrep" db migrate --postgres "$conn" >/dev/null
  "$sitrep" enqueue "$work/corpus.jsonl" --postgres "$conn" >/dev/null
  start=$(date +%s.%N)
  pids=()
  for ((i = 0; i < n; i++)); do
    "$sitrep" worker --postgres "$conn" --threads 1 --exit-when-idle >"$work/worker-$n-$i.json" 2>"$work/worker-$n-$i.log" & pids+=($!)
  done
  wait "${pids[@]}"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  check=$(psql -qXAt -h 127.0.0.1 -p "$port" -U postgres -d "$db" -F ' ' -c "
    SELECT (SELECT count(DISTINCT document_id) FROM work) - (SELECT count(*) FROM documents),
           (SELECT count(*) FROM documents) - (SELECT count(DISTINCT id) FROM documents),
           (SELECT count(*) FROM work WHERE state <> 'done'),
           (SELECT count(*) FROM documents), (SELECT count(*) FROM events)")
  read -r lost duplicated undone documents events <<<"$check"
  echo "{\"workers\": $n, \"reports\": $reports, \"seconds\": $seconds, \"reports_per_second\": $(echo "$reports / $seconds" | bc), \"documents\": $documents, \"events\": $events, \"lost\": $lost, \"duplicated\": $duplicated, \"not_done\": $undone}"
done
