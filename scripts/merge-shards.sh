#!/usr/bin/env bash
# Merges the shard run folders under SHARDS_DIR (as the nightly workflow downloads them) into one new
# run folder: each flag set's results joined row by row, and every shard's per-row metadata (stop
# reasons, fork logs, plans) kept; then writes the run's report.md and report.html into it, as a
# whole run does. A missing, corrupt or overlapping shard fails in one line and writes nothing; a
# report that fails is one line, the merged folder kept. Usage: scripts/merge-shards.sh SHARDS_DIR OUT_RUN_DIR
# Runs the built uber-jar (target/benchmarks.jar), or the classpath TASKBENCH_CLASSPATH when set.
set -euo pipefail
shards=${1:?usage: merge-shards.sh SHARDS_DIR OUT_RUN_DIR}
out=${2:?usage: merge-shards.sh SHARDS_DIR OUT_RUN_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
cp=${TASKBENCH_CLASSPATH:-$here/target/benchmarks.jar}
[ -n "${TASKBENCH_CLASSPATH:-}" ] || [ -f "$cp" ] || { echo "merge-shards: $cp not found; build the uber-jar first" >&2; exit 1; }
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$cp" dev.taskbench.cli.MergeShardsCommand "$shards" "$out"
