#!/usr/bin/env bash
# What the standard profile's stop rule would have cost and answered on a run whose every row ran the rule's
# cap of forks (mvn jmh:run -Djmh.args='-f 8'), against the fixed 5 forks, both read from the same forks over
# many orderings of each row's forks: time, forks a row, how many findings are no more than 1.25x as wide as
# the fixed design's, and how many rows show a second mode. Usage: scripts/replay-stops.sh RUN_DIR [ORDERINGS]
# Runs the built uber-jar (target/benchmarks.jar), or the classpath TASKBENCH_CLASSPATH when set.
set -euo pipefail
run=${1:?usage: replay-stops.sh RUN_DIR [ORDERINGS]}
here=$(cd "$(dirname "$0")/.." && pwd)
cp=${TASKBENCH_CLASSPATH:-$here/target/benchmarks.jar}
[ -n "${TASKBENCH_CLASSPATH:-}" ] || [ -f "$cp" ] || { echo "replay-stops: $cp not found; build the uber-jar first" >&2; exit 1; }
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$cp" dev.taskbench.runner.StopReplay "$run" "${@:2}"
