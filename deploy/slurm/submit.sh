#!/usr/bin/env bash
# Submits a sharded sweep as a Slurm job array plus a merge job that runs after every shard succeeded.
#
#   STUDY_DIR=/shared/studies/ring8 SCORESCOPE_JAR=/shared/scorescope.jar \
#     deploy/slurm/submit.sh 16 --target ring8 --samplers ddpm,ddim --steps 10,20,40,80 --seeds 8 --metric tv
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: submit.sh SHARDS SWEEP-ARGS..." >&2; exit 2; }
shards="$1"; shift
here="$(cd "$(dirname "$0")" && pwd)"
export STUDY_DIR SCORESCOPE_JAR
array=$(sbatch --parsable --export=ALL --array="1-$shards" "$here/sweep-array.sh" "$@")
merge=$(sbatch --parsable --export=ALL,SHARDS="$shards" --dependency="afterok:${array%%;*}" "$here/merge.sh")
echo "submitted array job $array ($shards shards) and merge job $merge; result: $STUDY_DIR/sweep.csv"
