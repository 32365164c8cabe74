package org.scorescope.metrics;

import java.util.Map;
import org.scorescope.sampler.SamplerId;

/**
 * The order in 1/T (equivalently in 1/NFE) that a rate plot should show next to a sampler's
 * measured slope, for the metric being measured, with where it comes from (docs/algorithms.md §8).
 * A theorem's rate is an upper bound over a class of targets (a Gaussian can do better); a solver
 * order is the classical global order of a one-step or multistep method on the smooth
 * probability-flow ODE; a Gaussian analysis is the one-step expansion of the sampler on a Gaussian
 * target carried out in docs/algorithms.md §8. When nothing covers the case, {@code order} is NaN
 * and {@code source} says so.
 *
 * @param order the order, or NaN
 * @param kind "theorem (upper bound)", "solver order", "Gaussian analysis" or "none"
 * @param source the theorem or argument, cited
 */
public record TheoryOrder(double order, String kind, String source) {
    static final String THEOREM = "theorem (upper bound)";
    static final String SOLVER = "solver order";
    static final String GAUSSIAN = "Gaussian analysis";
    static final String NONE = "none";

    /** Whether a theorem or an analysis gives an order. */
    public boolean known() {
        return !Double.isNaN(order);
    }

    /** "2 (theorem (upper bound): 001 Thm 3.1, TV ≲ d⁶/T²)" or "– (none: …)". */
    public String describe() {
        return (known() ? SamplerId.format(order) : "–") + " (" + kind + ": " + source + ")";
    }

    private static TheoryOrder theorem(double order, String source) {
        return new TheoryOrder(order, THEOREM, source);
    }

    private static TheoryOrder solver(double order, String source) {
        return new TheoryOrder(order, SOLVER, source);
    }

    private static TheoryOrder gaussian(double order, String source) {
        return new TheoryOrder(order, GAUSSIAN, source);
    }

    private static TheoryOrder none(String why) {
        return new TheoryOrder(Double.NaN, NONE, why);
    }

    /**
     * The order that applies to a sampler for a metric.
     *
     * @param key the sampler's canonical id ({@code lagrange:K=3:R=2:anchors=0}; a bare id means its defaults)
     */
    public static TheoryOrder of(String key, Sweep.Metric metric) {
        SamplerId id = SamplerId.parse(key);
        TheoryOrder w2 = exactW2(id);
        switch (metric) {
            case EXACT_W2:
                return w2;
            case EXACT_KL:
                TheoryOrder kl = klTheorem(id);
                if (kl != null) {
                    return kl;
                }
                return w2.known()
                        ? new TheoryOrder(2 * w2.order(), w2.kind(), "twice the W2 order on Gaussians (KL is quadratic in the moment errors); "
                                + w2.source())
                        : w2;
            default:
                return tv(id);
        }
    }

    private static double param(SamplerId id, String name, double dflt) {
        Map<String, Double> p = id.params();
        return p.getOrDefault(name, dflt);
    }

    /** Exact W2 on a Gaussian target. */
    private static TheoryOrder exactW2(SamplerId id) {
        String gaussianNote = "one-step variance error O(β²) on a Gaussian (docs/algorithms.md §8)";
        switch (id.base()) {
            case "ddim":
                return solver(1, "Euler step of the probability-flow ODE (001 eq. 8)");
            case "ddim-exact":
            case "dpm-solver-1":
                return solver(1, "exponential Euler (003 Thm 3; Lu et al. 2022 Thm 3.2)");
            case "accel-ddim":
                return solver(2, "second-order Taylor scheme 2 (001 eq. 21–22, eq. 15)");
            case "accel-ddim-ms":
                return solver(2, "second-order multistep (001 eq. 30, Adams-type in ᾱ)");
            case "dpm-solver-2":
                return solver(2, "Lu et al. 2022 Thm 3.2");
            case "dpm-solver-3":
                return param(id, "lowerOrderFinal", 1) == 1
                        ? solver(2, "order 3 (Lu et al. 2022 Thm 3.2), but the reference's final first-order step adds a local O(h²)")
                        : solver(3, "Lu et al. 2022 Thm 3.2");
            case "dpmpp-2m":
                return solver(2, "Lu et al. 2022b (DPM-Solver++), multistep order 2");
            case "unipc-3":
                return param(id, "lowerOrderFinal", 1) == 1
                        ? solver(2, "order 3 (Zhao et al. 2023), but the uncorrected first-order last step adds a local O(h²)")
                        : solver(3, "Zhao et al. 2023, UniPC-3");
            case "heun":
                return solver(2, "Heun's method (Karras et al. 2022)");
            case "lagrange":
                return solver(param(id, "K", 2), "K-th order Lagrange interpolation of the integrand (000; 003 Thm 5)");
            case "fddim":
                return theorem(1, "003 Thm 8: the forward value alone is first order (pathwise error, which bounds W2)");
            case "fddim-avg":
                return theorem(2, "003 Thm 8: ‖Y^fw − X + Y^ddim − X‖ = Õ(1/T²) (pathwise error, which bounds W2); one fixed-point "
                        + "iteration from the DDIM value already solves the implicit step to O(h³)");
            case "pf-ode":
                return none("adaptive integrator: the error sits at its tolerance 1e-10, not on a power of T");
            case "rand-midpoint":
                return none("randomized: no exact Gaussian law (its randomness is not Gaussian)");
            case "ddpm":
            case "ddpm-posterior":
            case "em-sde":
            case "accel-ddpm":
            case "accel-ddpm-code":
                return gaussian(1, gaussianNote);
            case "accel-ddpm-slides":
                return gaussian(2, "the second half-noise inside 1/√α cancels the O(β²) variance error: O(β³) per step (docs/algorithms.md §8)");
            case "ddim-eta":
                return param(id, "eta", 0.5) == 0 ? solver(1, "η = 0 is DDIM (exponential Euler)") : gaussian(1, gaussianNote);
            case "piadm-sde":
            case "piadm-ode":
                return gaussian(1, "exponential integrator with the score frozen on each sub-step (004), Picard error geometric in K");
            default:
                return none("no order known for " + id.base());
        }
    }

    /** KL theorems stated in the seeds, or null. */
    private static TheoryOrder klTheorem(SamplerId id) {
        switch (id.base()) {
            case "ddpm":
            case "ddpm-posterior":
                return theorem(2, "003 (Jiao, Zhou, Li '25): KL ≲ d²/T²");
            case "accel-ddpm":
            case "accel-ddpm-code":
                return theorem(2, "001 Thm 3.2: KL ≲ d⁶/T² (TV ≤ √(KL/2) ≲ d³/T)");
            case "accel-ddpm-slides":
                return new TheoryOrder(4, GAUSSIAN, "002 Thm 3 bounds KL by d⁶/T² (order 2); on a Gaussian the O(β³) variance error gives 4");
            default:
                return null;
        }
    }

    /** Histogram TV on general targets: the seeds' theorems. */
    private static TheoryOrder tv(SamplerId id) {
        switch (id.base()) {
            case "ddpm":
            case "ddpm-posterior":
                return theorem(1, "Li and Yan '24 (000, 003 Thm 1): TV ≲ d/T");
            case "ddim":
            case "ddim-exact":
            case "dpm-solver-1":
                return theorem(1, "Li, Wei, Chi, Chen '24 (002 Thm 1, 003 Thm 1): TV ≲ d/T");
            case "ddim-eta":
                return param(id, "eta", 0.5) == 0 ? theorem(1, "η = 0 is DDIM: TV ≲ d/T (002 Thm 1)")
                        : none("no TV theorem for 0 < η in the seeds");
            case "accel-ddim":
                return theorem(2, "001 Thm 3.1: TV ≲ d⁶/T²");
            case "accel-ddpm":
                return theorem(1, "001 Thm 3.2: TV ≲ d³/T (the same order in T as DDPM's newer d/T bound)");
            case "accel-ddpm-slides":
                return theorem(1, "002 Thm 3: TV ≲ d³/T");
            case "lagrange":
                return theorem(param(id, "K", 2), "000 Thm 1, 003 Thm 5: TV ≤ ε in Õ(d^{1+2/K}/ε^{1/K}) iterations");
            case "rand-midpoint":
                return theorem(1.5, "003 Thm 7: TV ≤ ε in Õ(d^{..}/ε^{2/3}) iterations");
            default:
                return none("no TV theorem for " + id.base() + " in the seeds; see its exact-W2 order on Gaussians");
        }
    }
}
