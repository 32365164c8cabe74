package org.scorescope.teaching;

import java.util.List;
import org.scorescope.metrics.Sweep;

/**
 * A theorem card (issue 18): a seed statement with a checkable rate or shape, in words and as a
 * formula, where it is written, what it predicts, and how the core reproduces the prediction
 * ({@link TheoremCheck} runs it).
 *
 * @param id a stable id ("001-thm-3.1")
 * @param part the lecture part it belongs to (1–6, {@link LectureSequence})
 * @param title the theorem's name and authors as the source gives them
 * @param statement the statement in words
 * @param formulaTex the statement's formula in LaTeX (JLaTeXMath)
 * @param source the seed file and line (or equation) where it is written
 * @param prediction what a plot should show, in words ("slope 2 in T")
 * @param check how the core reproduces it
 */
public record TheoremCard(String id, int part, String title, String statement, String formulaTex, String source, String prediction,
        Check check) {

    /** How a measured slope is compared with the theorem's order. */
    public enum Bound {
        /** The measured slope is within ± tolerance of the order: the bound is attained on the case checked. */
        EQUAL,
        /** The measured slope is at least order − tolerance: the theorem is an upper bound and the case checked converges faster. */
        AT_LEAST;

        /** Whether a slope passes against an order with a tolerance. */
        public boolean accepts(double slope, double order, double tolerance) {
            return this == EQUAL ? Math.abs(slope - order) <= tolerance : slope >= order - tolerance;
        }

        /** "2 ± 0.15", "≥ 2 − 0.15", or "≥ 0" (no tolerance). */
        public String describe(double order, double tolerance) {
            if (this == EQUAL) {
                return fmt(order) + " ± " + fmt(tolerance);
            }
            return tolerance == 0 ? "≥ " + fmt(order) : "≥ " + fmt(order) + " − " + fmt(tolerance);
        }

        private static String fmt(double v) {
            return org.scorescope.sampler.SamplerId.format(v);
        }
    }

    /** A way to reproduce a card's prediction from the core. */
    public sealed interface Check permits ExactSlope, DiscreteSlope, GuidanceDecrease, PicardRounds, NotInCore {
        /** The check in words, with its tolerance. */
        String describe();

        /** Whether the core can run it (false: the card says what exists instead). */
        default boolean runnable() {
            return true;
        }
    }

    /**
     * The slope of an exact error (W2 or KL of the output law, Gaussian propagation, no Monte Carlo)
     * against T on gaussian1d (VP, grid uniform in log-SNR): for each sampler, the least-squares
     * slope of log error on log T ({@link org.scorescope.metrics.RateFit}). With a {@link Posterior},
     * the samplers are posterior samplers given the prior's score, and the error is to the exact
     * posterior ({@link org.scorescope.metrics.InversePropagation}); the error must then also fall:
     * its value at the largest T below its value at the smallest.
     *
     * @param posterior the inverse problem, or null (the target is gaussian1d)
     */
    public record ExactSlope(List<String> samplers, Sweep.Metric metric, int[] steps, double order, double tolerance, Bound bound,
            Posterior posterior) implements Check {
        /** Copies. */
        public ExactSlope {
            samplers = List.copyOf(samplers);
            steps = steps.clone();
        }

        /** On gaussian1d, no observation. */
        public ExactSlope(List<String> samplers, Sweep.Metric metric, int[] steps, double order, double tolerance, Bound bound) {
            this(samplers, metric, steps, order, tolerance, bound, null);
        }

        @Override
        public String describe() {
            if (posterior != null) {
                return metric.id() + " to the exact posterior of " + String.join(", ", samplers) + " on " + posterior.describe() + " at T = "
                        + join(steps) + ": slope " + bound.describe(order, tolerance) + " and the error at T = " + steps[steps.length - 1]
                        + " below the error at T = " + steps[0];
            }
            return metric.id() + " of " + String.join(", ", samplers) + " on gaussian1d at T = " + join(steps) + ": slope "
                    + bound.describe(order, tolerance);
        }
    }

    /**
     * An inverse problem for a check (docs/inverse.md): a single-Gaussian prior (its posterior is
     * Gaussian, so the error to it is exact) observed through y = A x₀ + N(0, σ² I).
     *
     * @param prior a preset with a single Gaussian ("gaussian")
     * @param task an observation task ("inpaint-x", {@link org.scorescope.inverse.ObservationTask})
     * @param y the observation
     * @param sigma the noise σ
     */
    public record Posterior(String prior, String task, double[] y, double sigma) {
        /** Copies. */
        public Posterior {
            y = y.clone();
        }

        /** "gaussian, inpaint-x, y = 1, σ = 0.2". */
        public String describe() {
            return prior + ", " + task + ", y = " + join(y) + ", σ = " + number(sigma);
        }
    }

    /**
     * The discretisation part of the exact KL of a discrete sampler's output law (exact propagation of
     * the law, no Monte Carlo) against the number of steps N: KL(N) − KL(exact reverse CTMC), slope of
     * its log on log N.
     *
     * @param sampler "tau-leaping" or "unmasking"
     * @param process "uniform" or "masking"
     * @param schedule "constant" or "geometric"
     */
    public record DiscreteSlope(String sampler, String process, String schedule, double horizon, int[] steps, double order, double tolerance,
            Bound bound) implements Check {
        /** Copies. */
        public DiscreteSlope {
            steps = steps.clone();
        }

        @Override
        public String describe() {
            return "exact KL of " + sampler + " (" + process + " noising, " + schedule + " steps, horizon " + number(horizon)
                    + ") on the 8×8 picture, minus the exact reverse's, at N = " + join(steps) + ": slope " + bound.describe(order, tolerance);
        }
    }

    /**
     * Theorem 9's metric E[1/p(c|Y)] on guided runs at increasing strengths w: each value lies below the
     * previous by more than {@code sigmas} standard errors (combined).
     */
    public record GuidanceDecrease(String target, int classId, String sampler, int steps, int particles, double[] strengths, double sigmas)
            implements Check {
        /** Copies. */
        public GuidanceDecrease {
            strengths = strengths.clone();
        }

        @Override
        public String describe() {
            return "E[1/p(c|Y)] of " + sampler + " guided towards class " + classId + " of " + target + " (T = " + steps + ", N = "
                    + particles + ") at w = " + join(strengths) + ": each below the previous by more than " + number(sigmas) + " standard errors";
        }
    }

    /**
     * PIADM's Picard rounds: the exact W2 gap between K rounds per block and the converged fixed point
     * (K = {@code reference}) on gaussian1d falls at least geometrically in K — log gap against K has a
     * slope of at most {@code -rate}.
     */
    public record PicardRounds(String sampler, int blocks, int subSteps, int[] rounds, int reference, double rate) implements Check {
        /** Copies. */
        public PicardRounds {
            rounds = rounds.clone();
        }

        @Override
        public String describe() {
            return "exact W2 of " + sampler + " (N = " + blocks + " blocks, M = " + subSteps + ") at K = " + join(rounds) + " against K = "
                    + reference + ": log gap falls with slope ≤ −" + number(rate) + " per round";
        }
    }

    /** A card whose feature is not in the core (or whose check does not fit a test's budget): says what exists instead. */
    public record NotInCore(String why, String whatExists) implements Check {
        @Override
        public String describe() {
            return why + " What exists: " + whatExists;
        }

        @Override
        public boolean runnable() {
            return false;
        }
    }

    private static String number(double v) {
        return org.scorescope.sampler.SamplerId.format(v);
    }

    static String join(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return b.toString();
    }

    static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(SamplerEquation.plain(v[i]));
        }
        return b.toString();
    }
}
