#!/usr/bin/env bash
# Load on `sitrep serve` over a large store: latency percentiles of the API's read endpoints, measured
# with wrk (Debian package `wrk`) on loopback.
#
# usage: bench/serve/load.sh [REPORTS] [SECONDS] [CONNECTIONS]
#   REPORTS      generated reports to ingest (default 9000: about 100,000 events)
#   SECONDS      duration of each wrk run (default 10)
#   CONNECTIONS  concurrent connections (default 4)
# Set WORK=DIR to keep the corpus and database between runs (reused when present).
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=${1:-9000} seconds=${2:-10} connections=${3:-4}
work=${WORK:-$(mktemp -d)}
port=${PORT:-18089}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

dotnet build -c Release src/Sitrep.Cli -v q -nologo >/dev/null
cli=src/Sitrep.Cli/bin/Release/net10.0/sitrep
db=$work/load.db
if [ ! -f "$db" ]; then
  # Reports built from the samples' paragraphs, published over a year so each country has months of events.
  dotnet run -c Release --project bench/Sitrep.Bench -- --write-corpus "$work/corpus.jsonl" --count "$reports" --words 300 --spread-days 365
  "$cli" ingest "$work/corpus.jsonl" --db "$db" --format json >/dev/null
fi

# The busiest country-month, the case the dashboard's map asks for most.
read -r events country month < <(python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
total = db.execute("SELECT count(*) FROM events").fetchone()[0]
country, month = db.execute("SELECT country, substr(date, 1, 7) FROM events WHERE country IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1").fetchone()
print(total, country, month)
PY
)
from=$month-01
to=$(date -d "$from +1 month -1 day" +%F)

"$cli" serve --db "$db" --port "$port" 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; [ -z "${WORK:-}" ] && rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
month_events=$(curl -sf "$base/api/events?country=$country&from=$from&to=$to&page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
geojson_bytes=$(curl -sf "$base/api/events.geojson?country=$country&from=$from&to=$to" | wc -c)
echo "{\"events_stored\": $events, \"country_month\": \"$country $month\", \"country_month_events\": $month_events, \"country_month_geojson_bytes\": $geojson_bytes, \"connections\": $connections, \"seconds\": $seconds}"

measure() {
  local name=$1 path=$2
  printf '{"endpoint": "%s", "path": "%s", "result": ' "$name" "$path"
  wrk -t"$(( connections < 2 ? connections : 2 ))" -c"$connections" -d"${seconds}s" -s bench/serve/latency.lua "$base$path" | tail -1 | tr -d '\n'
  echo '}'
}
curl -sf "$base/api/events" >/dev/null  # warm up: JIT, page cache
measure "events, first page" "/api/events"
measure "events, page 500" "/api/events?page=500"
measure "events, country-month page" "/api/events?country=$country&from=$from&to=$to"
measure "events, text query" "/api/events?q=protesters"
measure "events, bbox" "/api/events?bbox=30,0,40,10"
measure "geojson, country-month" "/api/events.geojson?country=$country&from=$from&to=$to"
measure "event detail" "/api/events/$(curl -sf "$base/api/events?page_size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"][0]["id"])')"
