#!/usr/bin/env bash
# One shard of a ScoreScope sweep as one task of a Slurm job array.
#
#   STUDY_DIR=/shared/studies/ring8 SCORESCOPE_JAR=/shared/scorescope.jar \
#     sbatch --array=1-16 deploy/slurm/sweep-array.sh --target ring8 --samplers ddpm,ddim \
#       --steps 10,20,40,80 --seeds 8 --particles 1000000 --metric tv
#
# Task i of n runs `sweep ... --shard i/n --out $STUDY_DIR/shard-i-of-n.csv`; n is the array's
# size (SLURM_ARRAY_TASK_COUNT). deploy/slurm/submit.sh submits the array and a merge job that runs
# when every task has succeeded. Outside Slurm, set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT
# by hand to run one shard (that is how the project's tests run this script).
#SBATCH --job-name=scorescope-sweep
#SBATCH --cpus-per-task=4
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --output=scorescope-sweep-%A_%a.out
set -euo pipefail

: "${SLURM_ARRAY_TASK_ID:?run this as a Slurm array task (sbatch --array=1-N) or set SLURM_ARRAY_TASK_ID}"
: "${SLURM_ARRAY_TASK_COUNT:?set SLURM_ARRAY_TASK_COUNT (Slurm sets it for an array)}"
: "${STUDY_DIR:?set STUDY_DIR to a folder on the shared file system}"
JAR="${SCORESCOPE_JAR:-$HOME/scorescope.jar}"
JAVA="${JAVA:-java}"
# With --array=1-N the task ids are 1..N, which is what --shard expects.
shard="${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}"
threads="${SLURM_CPUS_PER_TASK:-$(nproc)}"
mkdir -p "$STUDY_DIR"
exec "$JAVA" -jar "$JAR" sweep "$@" --threads "$threads" --shard "$shard" \
  --out "$STUDY_DIR/shard-${SLURM_ARRAY_TASK_ID}-of-${SLURM_ARRAY_TASK_COUNT}.csv"
