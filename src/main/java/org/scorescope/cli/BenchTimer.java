package org.scorescope.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.schedule.Grid;

/**
 * Times engine runs for {@code bench}: wall time and the process's CPU time over the steps only
 * (initial noise excluded), after warm-up runs of the same size, so that the JIT has finished with
 * the code being timed. CPU time is the robust figure on a machine shared with other work: it does
 * not count the time the threads waited for a core. It is the sum over the JVM's Java threads
 * (engine workers, coordinator, caller; nanosecond clocks), so the JIT compiler's and the garbage
 * collector's threads are not in it: the warm-up runs leave little for the JIT, and the timed
 * runs allocate little.
 */
final class BenchTimer {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BenchTimer() {
    }

    /** CPU time of all live Java threads, in nanoseconds, or −1 if the JVM cannot measure it. */
    static long cpuNanos() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /**
     * One measured configuration: the timed runs' rates in millions of particle-NFE (or particle-steps
     * when {@code perStep}) per wall second and per CPU second.
     */
    record Rates(double[] wall, double[] cpu, long nfePerParticle) {
        double bestWall() {
            return Arrays.stream(wall).max().orElse(0);
        }

        double bestCpu() {
            return Arrays.stream(cpu).max().orElse(0);
        }

        /** "best (min–max)" of the per-CPU-second figures. */
        String cpuSpread() {
            return spread(cpu);
        }

        String wallSpread() {
            return spread(wall);
        }

        private static String spread(double[] v) {
            double lo = Arrays.stream(v).min().orElse(0);
            double hi = Arrays.stream(v).max().orElse(0);
            return v.length == 1 ? String.format("%.1f", hi) : String.format("%.1f (%.1f–%.1f)", hi, lo, hi);
        }
    }

    /**
     * Runs {@code warmup} untimed and {@code repeats} timed runs of one sampler.
     *
     * @param perStep count particle-steps instead of particle-NFE
     */
    static Rates time(Engine engine, Target target, Grid grid, Sampler sampler, int particles, int warmup, int repeats,
            boolean perStep) {
        int steps = grid.steps();
        for (int w = 0; w < warmup; w++) {
            engine.run(RunSpec.of(target, grid, List.of(SamplerSlot.of(sampler)), particles, 1000 + w), null);
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long nfe = 0;
        for (int r = 0; r < repeats; r++) {
            long[] t0 = new long[2];
            long[] t1 = new long[2];
            long[] nfeSeen = new long[1];
            engine.run(RunSpec.of(target, grid, List.of(SamplerSlot.of(sampler)), particles, r + 1), v -> {
                if (v.t() == steps) {
                    t0[0] = System.nanoTime();
                    t0[1] = cpuNanos();
                }
                if (v.t() == 0) {
                    t1[0] = System.nanoTime();
                    t1[1] = cpuNanos();
                    nfeSeen[0] = v.nfe(0);
                }
            });
            nfe = nfeSeen[0];
            double work = (double) particles * (perStep ? steps : nfe) / 1e6;
            wall.add(work / ((t1[0] - t0[0]) * 1e-9));
            cpu.add(t0[1] < 0 ? Double.NaN : work / ((t1[1] - t0[1]) * 1e-9));
        }
        return new Rates(wall.stream().mapToDouble(Double::doubleValue).toArray(),
                cpu.stream().mapToDouble(Double::doubleValue).toArray(), nfe);
    }

    /**
     * The CPU time per particle of the target's score alone, in nanoseconds: {@code scoreBatch} on
     * chunks of {@code chunk} exact draws of X(γ) at every level of the grid, on the calling thread,
     * best of {@code repeats} passes after {@code warmup} passes.
     */
    static double[] scoreNanos(Target target, Grid grid, int particles, int chunk, int warmup, int repeats) {
        int d = target.dim();
        int levels = grid.steps();
        double[][][] x = new double[levels][d][particles];
        var rng = new org.apache.commons.rng.core.source64.SplitMix64(17L);
        for (int l = 0; l < levels; l++) {
            target.sample(grid.abar(l + 1), rng, x[l], 0, particles);
        }
        double[][] out = new double[d][chunk];
        double[][] in = new double[d][chunk];
        var bean = ManagementFactory.getThreadMXBean();
        double[] times = new double[repeats];
        for (int r = -warmup; r < repeats; r++) {
            long c0 = bean.getCurrentThreadCpuTime();
            for (int l = 0; l < levels; l++) {
                double g = grid.abar(l + 1);
                for (int i0 = 0; i0 < particles; i0 += chunk) {
                    int n = Math.min(chunk, particles - i0);
                    for (int a = 0; a < d; a++) {
                        System.arraycopy(x[l][a], i0, in[a], 0, n);
                    }
                    target.scoreBatch(in, n, g, out);
                }
            }
            long c1 = bean.getCurrentThreadCpuTime();
            if (r >= 0) {
                times[r] = (c1 - c0) / ((double) particles * levels);
            }
        }
        return times;
    }
}
