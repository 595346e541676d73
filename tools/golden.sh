#!/usr/bin/env bash
# Behaviour check for refactoring: the seeds' report, its charts and both JSON outputs must stay
# byte-identical. `tools/golden.sh save DIR` records them; `tools/golden.sh check DIR` makes them
# again and diffs against DIR (exit 1 on any difference).
set -euo pipefail
mode=${1:?usage: tools/golden.sh save|check DIR}
ref=${2:?usage: tools/golden.sh save|check DIR}
cd "$(dirname "$0")/.."
out=$(mktemp -d)
framing compare seeds --output "$out/seeds.md" >/dev/null 2>&1
framing score seeds --format json >"$out/score.json" 2>/dev/null
framing compare seeds --format json >"$out/compare.json" 2>/dev/null
framing score seeds --format csv >"$out/score.csv" 2>/dev/null
# the report names its command; the charts folder sits beside it
sed -i "s#$out#OUT#g" "$out/seeds.md"
if [ "$mode" = save ]; then
  rm -rf "$ref" && mv "$out" "$ref" && echo "saved to $ref"
else
  if diff -r "$ref" "$out" >/dev/null; then echo "golden: identical"; else diff -r "$ref" "$out" | head -40; echo "golden: DIFFERENT"; exit 1; fi
fi
