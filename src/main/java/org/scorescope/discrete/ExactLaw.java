package org.scorescope.discrete;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The exact law of a sampler's output: the law of the state, started from the sampler's starting law
 * (Unif([S]^d) or all-MASK), is pushed through every step's kernel state by state — the kernel
 * factorises over coordinates given the state at the interval's start ({@link FactorisedKernel}), so a
 * state's mass spreads over the product of the coordinates' supports. {@code ctmc-exact} uses
 * {@link ExactReverse}. Explicit tables need S^d ≤ {@value #MAX_STATES}; product targets are exact for any
 * d, one coordinate at a time (their samplers move coordinates independently).
 *
 * <p>The states are split into {@value #BLOCKS} fixed blocks, each spreading into its own array, summed in
 * block order: the result does not depend on the thread count.
 */
public final class ExactLaw {
    /** Largest S^d whose joint law is propagated. */
    public static final long MAX_STATES = 4096;
    private static final int BLOCKS = 8;

    /** Receives the exact law after each step (step 0 = the start). */
    @FunctionalInterface
    public interface Listener {
        /** Called after each step. */
        void onStep(int step, DiscreteLaw law);
    }

    private ExactLaw() {
    }

    /** Whether the exact law of this target can be computed. */
    public static boolean supports(DiscreteTarget target) {
        return target instanceof ProductTarget || target.size() <= MAX_STATES;
    }

    /** The sampler's starting law on the alphabet: Unif([S]^d), or all-MASK. */
    public static double[] start(int states, int dims, DiscreteProcess process) {
        int k = process.alphabet(states);
        double[] law = new double[(int) StateIndex.count(k, dims, Integer.MAX_VALUE)];
        if (process == DiscreteProcess.UNIFORM) {
            Arrays.fill(law, 1.0 / law.length);
        } else {
            law[law.length - 1] = 1;
        }
        return law;
    }

    /**
     * The exact output law.
     *
     * @param pool workers for the state blocks, or null to run on the calling thread
     * @param listener receives the law after every step, or null (product targets: the output only)
     * @param cancelled polled between steps; a cancelled run throws {@link java.util.concurrent.CancellationException}
     */
    public static DiscreteLaw output(DiscreteTarget target, DiscreteProcess process, DiscreteSampler sampler, StepSchedule schedule,
            ExecutorService pool, Listener listener, BooleanSupplier cancelled) {
        if (target instanceof ProductTarget product) {
            int d = product.dims();
            double[][] laws = new double[d][];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i && laws[i] == null; j++) {
                    if (Arrays.equals(product.marginal(i), product.marginal(j))) {
                        laws[i] = laws[j];
                    }
                }
                if (laws[i] == null) {
                    laws[i] = joint(product.coordinate(i), process, sampler, schedule, null, null, cancelled);
                }
            }
            DiscreteLaw law = new DiscreteLaw.Product(product.states(), laws);
            if (listener != null) {
                listener.onStep(schedule.steps(), law);
            }
            return law;
        }
        JointTarget joint = (JointTarget) target;
        if (joint.size() > MAX_STATES) {
            throw new IllegalArgumentException("the exact law needs S^d <= " + MAX_STATES + " (or independent coordinates), was "
                    + joint.states() + "^" + joint.dims());
        }
        int k = process.alphabet(joint.states());
        double[] p = joint(joint, process, sampler, schedule, pool, listener == null ? null
                : (step, law) -> listener.onStep(step, new DiscreteLaw.Joint(joint.states(), joint.dims(), k, law)), cancelled);
        return new DiscreteLaw.Joint(joint.states(), joint.dims(), k, p);
    }

    private interface ArrayListener {
        void onStep(int step, double[] law);
    }

    private static double[] joint(JointTarget target, DiscreteProcess process, DiscreteSampler sampler, StepSchedule schedule,
            ExecutorService pool, ArrayListener listener, BooleanSupplier cancelled) {
        double[] law = start(target.states(), target.dims(), process);
        if (listener != null) {
            listener.onStep(0, law.clone());
        }
        for (int step = 1; step <= schedule.steps(); step++) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("exact law cancelled");
            }
            double from = schedule.from(step);
            double to = schedule.to(step);
            if (sampler instanceof FactorisedKernel kernel) {
                law = spread(target, process, kernel, law, from, to, pool);
            } else if (sampler instanceof ExactCtmcSampler) {
                law = ExactReverse.step(target, process, law, from, to);
            } else {
                throw new IllegalArgumentException("no exact law for sampler " + sampler.id());
            }
            if (listener != null) {
                listener.onStep(step, law.clone());
            }
        }
        return law;
    }

    /** One step of a factorised kernel applied to a whole law. */
    static double[] spread(JointTarget target, DiscreteProcess process, FactorisedKernel kernel, double[] law, double from, double to,
            ExecutorService pool) {
        int n = law.length;
        int blocks = Math.min(BLOCKS, n);
        double[][] partial = new double[blocks][];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            int block = b;
            tasks.add(() -> {
                partial[block] = spreadBlock(target, process, kernel, law, from, to, (int) ((long) n * block / blocks),
                        (int) ((long) n * (block + 1) / blocks));
                return null;
            });
        }
        run(tasks, pool);
        double[] out = partial[0];
        for (int b = 1; b < blocks; b++) {
            double[] q = partial[b];
            for (int j = 0; j < n; j++) {
                out[j] += q[j];
            }
        }
        return out;
    }

    private static double[] spreadBlock(JointTarget target, DiscreteProcess process, FactorisedKernel kernel, double[] law, double from,
            double to, int first, int end) {
        int s = target.states();
        int d = target.dims();
        int k = process.alphabet(s);
        DiscreteScore score = target.score(process);
        SamplerWorkspace ws = new SamplerWorkspace(s, d);
        double[][] out = new double[d][k];
        int[][] support = new int[d][k];
        int[] count = new int[d];
        int[] x = new int[d];
        double[] acc = new double[law.length];
        for (int j = first; j < end; j++) {
            double w = law[j];
            if (w == 0) {
                continue;
            }
            StateIndex.decode(j, k, x);
            kernel.kernel(x, from, to, score, ws, out);
            for (int i = 0; i < d; i++) {
                int c = 0;
                for (int v = 0; v < k; v++) {
                    if (out[i][v] > 0) {
                        support[i][c++] = v;
                    }
                }
                count[i] = c;
            }
            accumulate(acc, out, support, count, k, 0, 0, w);
        }
        return acc;
    }

    private static void accumulate(double[] acc, double[][] out, int[][] support, int[] count, int k, int i, int index, double w) {
        if (i == out.length) {
            acc[index] += w;
            return;
        }
        int[] sup = support[i];
        double[] o = out[i];
        for (int c = 0; c < count[i]; c++) {
            int v = sup[c];
            accumulate(acc, out, support, count, k, i + 1, index * k + v, w * o[v]);
        }
    }

    private static void run(List<Callable<Void>> tasks, ExecutorService pool) {
        try {
            if (pool == null) {
                for (Callable<Void> t : tasks) {
                    t.call();
                }
                return;
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
