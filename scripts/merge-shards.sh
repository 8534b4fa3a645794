#!/usr/bin/env bash
# Merges shard run folders (one flag set each, as the nightly workflow produces them) into one
# run folder: every jmh-<flagset>.json side by side, the baselines likewise under baseline/,
# and the first shard's metadata. Usage: scripts/merge-shards.sh SHARDS_DIR OUT_RUN_DIR
set -euo pipefail
shards=${1:?usage: merge-shards.sh SHARDS_DIR OUT_RUN_DIR}
out=${2:?usage: merge-shards.sh SHARDS_DIR OUT_RUN_DIR}
[ -e "$out" ] && { echo "merge-shards: $out exists; refusing to overwrite a run" >&2; exit 1; }
tmp="$out.incomplete.$$"
mkdir -p "$tmp/baseline"
found=0
for shard in "$shards"/*/; do
  for f in "$shard"jmh-*.json; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    [ -e "$tmp/$name" ] && { echo "merge-shards: $name appears in two shards" >&2; exit 1; }
    cp "$f" "$tmp/$name"; found=1
  done
  for f in "$shard"baseline/jmh-*.json; do
    [ -f "$f" ] && cp "$f" "$tmp/baseline/"
  done
  [ -f "$tmp/metadata.json" ] || { [ -f "$shard/metadata.json" ] && cp "$shard/metadata.json" "$tmp/"; }
done
[ "$found" = 1 ] || { echo "merge-shards: no jmh-*.json under $shards" >&2; rm -rf "$tmp"; exit 1; }
rmdir "$tmp/baseline" 2>/dev/null || true
mv "$tmp" "$out"
echo "merged $(ls "$out"/jmh-*.json | wc -l) flag set(s) into $out"
