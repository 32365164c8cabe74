#!/usr/bin/env bash
# Merges the shards of deploy/slurm/sweep-array.sh into $STUDY_DIR/sweep.csv and prints the fitted
# orders. submit.sh runs it as a job that depends on the whole array (afterok).
#SBATCH --job-name=scorescope-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=scorescope-merge-%j.out
set -euo pipefail
: "${STUDY_DIR:?set STUDY_DIR}"
: "${SHARDS:?set SHARDS to the array size}"
JAR="${SCORESCOPE_JAR:-$HOME/scorescope.jar}"
JAVA="${JAVA:-java}"
files=()
for i in $(seq 1 "$SHARDS"); do
  files+=("$STUDY_DIR/shard-$i-of-$SHARDS.csv")
done
exec "$JAVA" -jar "$JAR" merge "$STUDY_DIR/sweep.csv" "${files[@]}"
