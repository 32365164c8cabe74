package org.scorescope.sampler;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * The probability-flow ODE integrated to high accuracy (docs/algorithms.md §5): the "true trajectory"
 * deterministic samplers are compared with. In y = x/√γ and λ = ½ log(γ/(1−γ)) the ODE reads
 * dy/dλ = (σ²/α) s(α y, γ(λ)) (equivalently ½ γ^{−3/2} s in γ, 001 eq. 19–20), smooth in λ. Each
 * chunk's particles form one system, integrated over each grid interval by Commons Math's adaptive
 * Dormand–Prince 8(5,3) with relative tolerance 1e-10 and absolute tolerance 1e-12; every right-hand
 * side evaluation is a counted score evaluation.
 *
 * <p>A step that ends at the data (ᾱ_{t−1} = 1, λ = ∞) integrates to λ = {@value #LAMBDA_LAST}
 * (1 − γ ≈ 2e-15, the last λ where γ is still below 1 in double precision) and finishes with the
 * denoising step D(Y, γ), whose local error there is O(e^{−2λ}) ≈ 2e-15 relative. Each step is
 * bounded: more than {@value #MAX_EVALUATIONS} right-hand sides on one interval stop the run with
 * a message naming the step (an adaptive integrator that keeps shrinking its step would otherwise
 * run for ever on a non-finite or stiff problem).
 */
public final class ProbabilityFlowOdeSampler implements Sampler {
    private static final SamplerInfo INFO = new SamplerInfo("pf-ode", "Probability-flow ODE (Dormand-Prince, 1e-10)",
            "docs/algorithms.md §5; 001_98742fe78869e08d.txt eq. (19)-(20)", Double.NaN, 8, false, 0);
    /** λ where a step to the data hands over to the denoising step. */
    static final double LAMBDA_LAST = 17;
    /** Right-hand-side evaluations allowed on one grid interval. */
    static final int MAX_EVALUATIONS = 100_000;
    private final double relativeTolerance;

    /** The reference integrator at relative tolerance 1e-10. */
    public ProbabilityFlowOdeSampler() {
        this(1e-10);
    }

    /**
     * @param relativeTolerance the integrator's relative tolerance
     */
    public ProbabilityFlowOdeSampler(double relativeTolerance) {
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public SamplerInfo info() {
        return INFO;
    }

    @Override
    public void step(StepContext ctx, double[][] y, int n) {
        int t = ctx.t();
        double g0 = ctx.grid().abar(t);
        double g1 = ctx.grid().abar(t - 1);
        int d = y.length;
        double l0 = Vp.lambda(g0);
        boolean toData = Vp.isData(g1);
        double l1 = toData ? Math.max(l0, LAMBDA_LAST) : Vp.lambda(g1);
        // Particles that are already NaN or ∞ stay as they are (and are flagged by the engine); the
        // others form one system, so that one bad particle cannot stall the adaptive integrator.
        int[] live = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean finite = true;
            for (int a = 0; a < d; a++) {
                finite &= Double.isFinite(y[a][i]);
            }
            if (finite) {
                live[m++] = i;
            }
        }
        int count = m;
        double[] state = new double[d * count];
        double a0 = Vp.alpha(g0);
        for (int a = 0; a < d; a++) {
            for (int k = 0; k < count; k++) {
                state[a * count + k] = y[a][live[k]] / a0;
            }
        }
        double[][] x = ctx.buffer(0);
        double[][] s = ctx.buffer(1);
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return d * count;
            }

            @Override
            public void computeDerivatives(double lambda, double[] yv, double[] dot) {
                double gamma = Vp.gamma(lambda);
                double alpha = Math.sqrt(gamma);
                for (int a = 0; a < d; a++) {
                    for (int k = 0; k < count; k++) {
                        x[a][k] = alpha * yv[a * count + k];
                    }
                }
                ctx.score(x, count, gamma, s);
                double c = (1 - gamma) / alpha;
                for (int a = 0; a < d; a++) {
                    for (int k = 0; k < count; k++) {
                        double v = c * s[a][k];
                        if (!Double.isFinite(v)) {
                            throw new IllegalStateException("pf-ode: the score is not finite at level γ = " + gamma + " (step t=" + t
                                    + ", position " + x[a][k] + " on axis " + a + ")");
                        }
                        dot[a * count + k] = v;
                    }
                }
            }
        };
        if (l1 > l0 && count > 0) {
            DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14, l1 - l0, 1e-12, relativeTolerance);
            integrator.setMaxEvaluations(MAX_EVALUATIONS);
            // Commons Math's own first-step guess probes far beyond the interval (λ ≈ 20 on a step
            // ending at λ ≈ 2.5, where γ rounds to 1 and a box target's score is 0/0).
            integrator.setInitialStepSize(0.25 * (l1 - l0));
            StepRecorder rec = ctx.recorder();
            if (rec != null) {
                integrator.addStepHandler(new AcceptedSteps(rec, live, count, d, l0, y));
            }
            try {
                integrator.integrate(ode, l0, state, l1, state);
            } catch (org.apache.commons.math3.exception.MaxCountExceededException
                    | org.apache.commons.math3.exception.NumberIsTooSmallException e) {
                throw new IllegalStateException("pf-ode: the Dormand–Prince integrator did not reach the end of step t=" + t
                        + " (ᾱ from " + g0 + " to " + g1 + ") within " + MAX_EVALUATIONS
                        + " evaluations at tolerance " + relativeTolerance + " (too stiff a score there)", e);
            }
        }
        double gEnd = toData ? Math.max(g0, Vp.gamma(l1)) : g1;
        double aEnd = Vp.alpha(gEnd);
        for (int a = 0; a < d; a++) {
            for (int k = 0; k < count; k++) {
                y[a][live[k]] = aEnd * state[a * count + k];
            }
        }
        if (toData) {
            StepRecorder rec = ctx.recorder();
            if (rec != null && !(l1 > l0 && count > 0)) {
                rec.stage("x(\\lambda=" + (int) LAMBDA_LAST + ")", "no integration needed", gEnd);
                rec.carry("1", Tex.Y, "start", 1, y);
                rec.result(y);
            }
            Vp.denoise(ctx, y, n, gEnd, ctx.buffer(2), "x(\\lambda=" + (int) LAMBDA_LAST + ")");
        }
    }

    /**
     * Records the recorded particle's point after every accepted Dormand–Prince step as one stage:
     * the previous point rescaled to the new level plus α times the step's increment of y = x/α.
     */
    private static final class AcceptedSteps implements org.apache.commons.math3.ode.sampling.StepHandler {
        private final StepRecorder rec;
        private final int index;
        private final int count;
        private final int d;
        private double previousLambda;
        private double[] previousY;
        private int steps;

        AcceptedSteps(StepRecorder rec, int[] live, int count, int d, double l0, double[][] x) {
            this.rec = rec;
            this.count = count;
            this.d = d;
            int found = -1;
            for (int k = 0; k < count; k++) {
                if (live[k] == rec.particle()) {
                    found = k;
                }
            }
            this.index = found;
            this.previousLambda = l0;
            double a0 = Vp.alpha(Vp.gamma(l0));
            this.previousY = new double[d];
            for (int a = 0; a < d; a++) {
                previousY[a] = x[a][rec.particle()] / a0;
            }
        }

        @Override
        public void init(double t0, double[] y0, double t) {
        }

        @Override
        public void handleStep(org.apache.commons.math3.ode.sampling.StepInterpolator interpolator, boolean isLast) {
            if (index < 0) {
                return;
            }
            double lambda = interpolator.getCurrentTime();
            interpolator.setInterpolatedTime(lambda);
            double[] state = interpolator.getInterpolatedState();
            double[] yNow = new double[d];
            double[] increment = new double[d];
            double[] start = new double[d];
            double aPrev = Vp.alpha(Vp.gamma(previousLambda));
            double aNow = Vp.alpha(Vp.gamma(lambda));
            for (int a = 0; a < d; a++) {
                yNow[a] = state[a * count + index];
                increment[a] = yNow[a] - previousY[a];
                start[a] = aPrev * previousY[a];
            }
            steps++;
            rec.stage("x(\\lambda_{" + steps + "})", "Dormand–Prince step " + steps + " (λ = " + (float) lambda + ")", Vp.gamma(lambda));
            rec.carry("\\frac{\\alpha(\\lambda_{" + steps + "})}{\\alpha(\\lambda_{" + (steps - 1) + "})}", "x(\\lambda_{" + (steps - 1) + "})",
                    "rescaling", aNow / aPrev, start);
            rec.term("\\alpha(\\lambda_{" + steps + "})", "\\int \\frac{\\sigma^2}{\\alpha}\\,s\\,d\\lambda", "the integrator's increment of x/α",
                    aNow, increment);
            double[] point = new double[d];
            for (int a = 0; a < d; a++) {
                point[a] = aNow * yNow[a];
            }
            rec.result(point);
            previousLambda = lambda;
            previousY = yNow;
        }
    }
}
