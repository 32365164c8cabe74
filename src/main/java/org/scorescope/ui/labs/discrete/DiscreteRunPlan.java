package org.scorescope.ui.labs.discrete;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.discrete.DiscreteLaw;
import org.scorescope.discrete.DiscreteRunSpec;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteSampler;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteStates;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ExactLaw;
import org.scorescope.discrete.JointTarget;
import org.scorescope.discrete.ProductTarget;
import org.scorescope.discrete.StepSchedule;
import org.scorescope.metrics.NoiseFloor;
import org.scorescope.ui.service.Progress;

/**
 * Computes what the discrete window shows, on a background job: for every sampler, its exact law after
 * every step ({@link ExactLaw#output} with a listener) and its particles after every step
 * ({@link DiscreteRunner} with a listener), both set against the exact forward marginal q_τ of that step
 * ({@link ReferenceLaw}). The result is a table of immutable {@link DiscreteFrame}s.
 */
final class DiscreteRunPlan {
    /** How many particles are listed as text. */
    static final int LISTED_PARTICLES = 12;
    /** Largest K^d whose product-law TV is enumerated at every step. */
    static final long PRODUCT_TV_LIMIT = 1L << 19;

    private DiscreteRunPlan() {
    }

    /** What the exact law gives at one step (kept between the two passes). */
    private record LawStep(double[] pair, double[][] coords, double[] sentences, double tv, double kl, double[] full) {
    }

    /**
     * Runs the scenario.
     *
     * @param runner the compute pool (the discrete runner's fixed pool)
     * @param progress progress and cancel; a cancelled run throws {@link java.util.concurrent.CancellationException}
     * @throws org.scorescope.scenario.ScenarioException naming the field when the scenario cannot run
     */
    static DiscreteRunResult run(DiscreteScenario sc, DiscreteRunner runner, Progress progress) {
        long start = System.nanoTime();
        DiscreteTarget target = sc.validate();
        List<DiscreteSampler> samplers = sc.buildSamplers();
        StepSchedule schedule = sc.buildSchedule(sc.steps());
        ReferenceLaw ref = new ReferenceLaw(target, sc.process(), schedule);
        int n = schedule.steps();
        DiscreteFrame[][] frames = new DiscreteFrame[samplers.size()][];
        double[] nfe = new double[samplers.size()];
        double[][] outputLaws = new double[samplers.size()][];
        double[][] outputFrequencies = new double[samplers.size()][];
        for (int slot = 0; slot < samplers.size(); slot++) {
            DiscreteSampler sampler = samplers.get(slot);
            double base = (double) slot / samplers.size();
            double share = 0.5 / samplers.size();
            progress.update(base, sampler.id() + ": exact law");
            LawStep[] law = exactLaw(ref, sampler, runner, p -> progress.update(base + share * p, sampler.id() + ": exact law"),
                    progress);
            progress.update(base + share, sampler.id() + ": particles");
            DiscreteFrame[] f = new DiscreteFrame[n + 1];
            outputLaws[slot] = law == null || law[n] == null ? null : law[n].full();
            double[][] frequencies = outputFrequencies;
            int s = slot;
            DiscreteRunSpec spec = new DiscreteRunSpec(target, sc.process(), schedule, sampler, sc.particles(), sc.seed());
            DiscreteRunner.Result r = runner.run(spec, (step, tau, states, used) -> {
                f[step] = frame(ref, step, law == null ? null : law[step], states, used);
                if (step == n && ref.joint()) {
                    frequencies[s] = Projections.normalised(states.counts(ref.alphabet()), states.particles());
                }
                progress.update(base + share * (1 + (double) step / n), sampler.id() + ": particles, step " + step + " of " + n);
            }, progress::isCancelled);
            frames[slot] = f;
            nfe[slot] = r.nfePerParticle();
        }
        progress.update(1, "done");
        return new DiscreteRunResult(sc, target, List.copyOf(sc.samplers()), schedule, frames, nfe, (System.nanoTime() - start) * 1e-9,
                outputLaws, outputFrequencies);
    }

    /** The sampler's exact law after every step, reduced to what is drawn; null when S^d is over the exact limit. */
    private static LawStep[] exactLaw(ReferenceLaw ref, DiscreteSampler sampler, DiscreteRunner runner,
            java.util.function.DoubleConsumer fraction, Progress progress) {
        int n = ref.schedule().steps();
        LawStep[] out = new LawStep[n + 1];
        if (ref.target() instanceof ProductTarget product) {
            int d = product.dims();
            double[][][] laws = new double[d][n + 1][];
            for (int i = 0; i < d; i++) {
                int same = ref.sameMarginalAs(i);
                if (same < i) {
                    laws[i] = laws[same];
                    continue;
                }
                double[][] li = laws[i];
                ExactLaw.output(product.coordinate(i), ref.process(), sampler, ref.schedule(), null,
                        (step, law) -> li[step] = ((DiscreteLaw.Joint) law).p(), progress::isCancelled);
                fraction.accept((i + 1.0) / d);
            }
            for (int k = 0; k <= n; k++) {
                double[][] coords = new double[d][];
                for (int i = 0; i < d; i++) {
                    coords[i] = laws[i][k];
                }
                double[][] q = ref.coordinates(k);
                double kl = 0;
                for (int i = 0; i < d; i++) {
                    kl += Projections.kl(q[i], coords[i]);
                }
                out[k] = new LawStep(d < 2 ? null : Projections.outer(coords[0], coords[1]), coords, null,
                        Projections.productTv(q, coords, PRODUCT_TV_LIMIT), kl, null);
            }
            return out;
        }
        if (!ExactLaw.supports(ref.target())) {
            return null;
        }
        JointTarget joint = (JointTarget) ref.target();
        int k = ref.alphabet();
        ExactLaw.output(joint, ref.process(), sampler, ref.schedule(), runner.pool(), (step, law) -> {
            double[] p = ((DiscreteLaw.Joint) law).p();
            double[] q = ref.full(step);
            out[step] = new LawStep(Projections.pair(p, k, joint.dims()), Projections.coordinates(p, k, joint.dims()),
                    ref.sentenceMasses(p), Projections.tv(p, q), Projections.kl(q, p), step == n ? p : null);
            fraction.accept((double) step / n);
        }, progress::isCancelled);
        return out;
    }

    private static DiscreteFrame frame(ReferenceLaw ref, int step, LawStep law, DiscreteStates states, long nfe) {
        int k = ref.alphabet();
        int d = states.dims();
        int n = states.particles();
        int[][] coordCounts = new int[d][k];
        int[] pairCounts = d < 2 ? null : new int[k * k];
        int masked = 0;
        for (int j = 0; j < n; j++) {
            boolean m = false;
            for (int i = 0; i < d; i++) {
                int v = states.get(j, i);
                coordCounts[i][v]++;
                m |= v == k - 1 && ref.masking();
            }
            if (pairCounts != null) {
                pairCounts[states.get(j, 0) * k + states.get(j, 1)]++;
            }
            masked += m ? 1 : 0;
        }
        List<String> texts = new ArrayList<>();
        int[] x = new int[d];
        for (int j = 0; j < Math.min(LISTED_PARTICLES, n); j++) {
            states.state(j, x);
            texts.add(ref.target().describe(x));
        }
        double particleTv = Double.NaN;
        NoiseFloor floor = new NoiseFloor(Double.NaN, Double.NaN);
        List<DiscreteFrame.SentenceRow> sentences = List.of();
        double[][] coordQ;
        double[] pairQ;
        if (ref.joint()) {
            double[] q = ref.full(step);
            double[] sampled = Projections.normalised(states.counts(k), n);
            particleTv = Projections.tv(sampled, q);
            floor = NoiseFloor.of(q, n);
            pairQ = Projections.pair(q, k, d);
            coordQ = Projections.coordinates(q, k, d);
            sentences = ref.sentences(law == null ? null : law.sentences(), ref.sentenceMasses(sampled));
        } else {
            coordQ = ref.coordinates(step);
            pairQ = d < 2 ? null : Projections.outer(coordQ[0], coordQ[1]);
        }
        return new DiscreteFrame(step, ref.schedule().taus()[step], pairQ, law == null ? null : law.pair(), pairCounts, coordQ,
                law == null ? null : law.coords(), coordCounts, List.copyOf(texts), sentences, law == null ? Double.NaN : law.tv(),
                law == null ? Double.NaN : law.kl(), particleTv, floor.mean(), floor.upper(), (double) masked / n, nfe);
    }
}
