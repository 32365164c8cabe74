package org.scorescope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.Sweep;

/**
 * One shard of a sweep ({@code sweep --shard i/n}): runs the shard's cells (see {@link SweepShards})
 * one by one, each as a one-cell plan whose row equals the unsharded sweep's row for that cell, and
 * writes the shard file that {@code merge} reads.
 */
final class ShardedSweep {
    private ShardedSweep() {
    }

    /**
     * Runs shard {@code shard} of {@code plan} and stages its file at {@code out}.
     *
     * @param fingerprint the sweep's fingerprint ({@link SweepShards#fingerprint})
     * @param outputLevel the output level line the unsharded sweep prints
     * @return prints the summary (after the commit)
     */
    static Runnable run(Sweep.Plan plan, SweepShards.Shard shard, int threads, Path out, String fingerprint, String outputLevel,
            PrintStream report) {
        List<SweepShards.Cell> cells = SweepShards.cellsOf(plan, shard);
        int total = SweepShards.cells(plan).size();
        List<Sweep.Row> rows = new ArrayList<>();
        try (Engine engine = new Engine(threads)) {
            for (SweepShards.Cell c : cells) {
                Sweep.Plan one = new Sweep.Plan(plan.target(), plan.schedule(), List.of(plan.samplers().get(c.sampler())),
                        new int[] {c.steps()}, plan.particles(), 1, plan.firstSeed() + c.seedOffset(), plan.metric());
                rows.addAll(Sweep.run(one, engine, r -> System.err.println(r.csvRow()), () -> false));
            }
        }
        AtomicFile.write(out, w -> {
            w.write(SweepShards.shardLine(shard, fingerprint, cells, total) + "\n");
            w.write(SweepShards.OUTPUT_LEVEL + outputLevel + "\n");
            for (int k = 0; k < rows.size(); k++) {
                if (rows.get(k).divergence() != null) {
                    w.write(SweepShards.DIVERGENCE + cells.get(k).index() + ": " + SweepShards.json(rows.get(k).divergence()) + "\n");
                }
            }
            w.write(Sweep.Row.COLUMNS + "\n");
            for (Sweep.Row r : rows) {
                w.write(r.csvRow() + "\n");
            }
        });
        return () -> report.println("wrote " + SampleCommand.shown(out) + " (" + rows.size() + " rows: shard " + shard + " of a sweep of "
                + total + " cells, fingerprint " + fingerprint + "); when all " + shard.count()
                + " shards are written: scorescope merge OUT.csv SHARD.csv...");
    }
}
