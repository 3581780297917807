#!/usr/bin/env bash
# The full pipeline's speed, side by side with an earlier commit on the same machine in the same run:
# `sitrep ingest` of Reuters-21578 as JSON Lines (every stage, linking, storing), RUNS times each,
# alternating the two builds so that the machine's drift falls on both. Prints a Markdown table:
# seconds, reports/s, words/s, peak RSS, the store's size; then each stage's single-core words/s
# (`bench/Sitrep.Bench --stages` on 2,000 generated reports) for both builds.
#   bench/speed/compare.sh [BASE_COMMIT] [RUNS]     (default HEAD~1, 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
base=${1:-HEAD~1} runs=${2:-3}
work=$(mktemp -d /tmp/sitrep-speed.XXXXXX)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }

source bench/lib/worktree.sh
checkout_commit "$base" "$work/base"
python3 bench/speed/reuters-jsonl.py ../shared/data/news/reuters21578 "$work/reuters.jsonl"
stories=$(wc -l <"$work/reuters.jsonl")
for tree in "$work/base" "$root"; do
  dotnet build -c Release "$tree/src/Sitrep.Cli" -v q -nologo >/dev/null
  # Each build compiles its gazetteer cache once if its sources differ: not in the timed runs.
  "$tree/src/Sitrep.Cli/bin/Release/net10.0/sitrep" gazetteer lookup Paris --limit 1 >/dev/null 2>&1 || true
done

declare -A seconds rss store
for run in $(seq 1 "$runs"); do
  for name in base head; do
    tree=$([ $name = base ] && echo "$work/base" || echo "$root")
    db="$work/$name.db"
    rm -f "$db" "$db"-*
    /usr/bin/time -o "$work/time" -f "%e %M" "$tree/src/Sitrep.Cli/bin/Release/net10.0/sitrep" ingest "$work/reuters.jsonl" --db "$db" >/dev/null 2>&1
    read -r s kb <"$work/time"
    seconds[$name]="${seconds[$name]:-} $s"
    rss[$name]="${rss[$name]:-} $((kb / 1024))"
    store[$name]=$(( $(stat -c %s "$db") / 1024 / 1024 ))
  done
done
words=$("$root/src/Sitrep.Cli/bin/Release/net10.0/sitrep" stats --db "$work/head.db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["words"])')

echo "Reuters-21578, $stories stories, $words words stored; $runs alternating runs each, $(nproc) cores"
echo
echo "| build | seconds | reports/s (mean) | words/s (mean) | peak RSS MB | store MB |"
echo "|---|---|---|---|---|---|"
for name in base head; do
  label=$([ $name = base ] && git rev-parse --short "$base" || echo "working tree")
  python3 - "$label" "$stories" "$words" "${seconds[$name]}" "${rss[$name]}" "${store[$name]}" <<'PY'
import sys
label, stories, words, seconds, rss, store = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [float(x) for x in sys.argv[4].split()], sys.argv[5].split(), sys.argv[6]
mean = sum(seconds) / len(seconds)
print(f"| {label} | {' / '.join(f'{s:.2f}' for s in seconds)} | {stories / mean:,.0f} | {words / mean / 1e6:.2f} M | {' / '.join(rss)} | {store} |")
PY
done

echo
echo "Each stage alone on one core, words/s (bench/Sitrep.Bench --stages --count 2000):"
echo
for name in base head; do
  tree=$([ $name = base ] && echo "$work/base" || echo "$root")
  dotnet run -c Release --project "$tree/bench/Sitrep.Bench" -- --stages --count 2000 2>/dev/null >"$work/stages-$name.json" || echo "{}" >"$work/stages-$name.json"
done
python3 - "$(git rev-parse --short "$base")" "$work/stages-base.json" "$work/stages-head.json" <<'PY'
import json, sys
label, base, head = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
stages = list(dict.fromkeys(list(base) + list(head)))
print("| stage | " + label + " | working tree |")
print("|---|---|---|")
for s in stages:
    print(f"| {s} | {base.get(s, 0):,} | {head.get(s, 0):,} |")
PY
