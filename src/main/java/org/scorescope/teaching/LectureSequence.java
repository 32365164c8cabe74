package org.scorescope.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lecture in 003's order (issue 18): six {@link LecturePart}s, and the flat sequence of their
 * scenarios that presentation mode's next/previous keys walk through.
 */
public final class LectureSequence {
    private static final String SEED = "003_1b963510094279b5.txt";

    private LectureSequence() {
    }

    private static final List<LecturePart> PARTS = List.of(
            new LecturePart(1, "Non-asymptotic convergence theory", SEED + " line 436",
                    "DDPM adds fresh noise at every step, DDIM follows the probability-flow ODE. Both start from the same noise: watch "
                            + "DDPM's zig-zag trails against DDIM's smooth ones, and the TV curve against the exact law. The theory "
                            + "bounds the error by d/T in TV (d²/T² in KL); the rate study draws the measured slope beside it.",
                    List.of("01-ddpm-vs-ddim-ring.json", "05-1d-trajectories.json"), List.of("rate-study"), ""),
            new LecturePart(2, "Adaptation to (unknown) low dimensionality", SEED + " line 1047",
                    "When the data live on a low-dimensional set, DDPM and DDIM in their original forms converge at a rate set by the "
                            + "intrinsic dimension k, not the ambient d. A line in the plane shows the cloud collapsing onto it.",
                    List.of("06-low-dimension-line.json", "07-perfect-score-memorises.json"), List.of("rate-study", "score-error"), ""),
            new LecturePart(3, "Acceleration via higher-order approximation", SEED + " line 1420",
                    "The accelerated samplers add a correction term (001 eqs. 15 and 23) and reach 1/T² in TV; higher-order solvers "
                            + "and the K-th order Lagrange sampler go further. Compare at 5, 10 and 20 steps, then on the rate chart.",
                    List.of("02-acceleration-5-10-20.json", "03-accelerated-sde.json", "04-higher-order.json"), List.of("rate-study"), ""),
            new LecturePart(4, "Provable benefits of diffusion guidance", SEED + " line 2100",
                    "Classifier-free guidance of strength w pushes samples towards regions where the classifier is confident: it "
                            + "lowers E[1/p(c|Y)] (Theorem 9) but does not sample the tilted law.",
                    List.of("08-mystery-of-guidance.json"), List.of("guidance"), ""),
            new LecturePart(5, "Diffusion models for inverse problems", SEED + " line 2510",
                    "A diffusion prior and a measurement y: the sampler's law approaches the posterior X_0 | Y = y (Theorem 10). The "
                            + "inverse-problems lab brings its lecture: the exact posterior beside SNR-split, DPS, DDRM and DDNM.",
                    List.of(), List.of("inverse"), ""),
            new LecturePart(6, "Discrete diffusion (diffusion language models)", SEED + " line 2921",
                    "Tokens instead of points: uniform or masking noise, τ-leaping and its modified form, with the exact output law "
                            + "of every sampler. The KL falls like 1/N in the number of steps (Theorems 11 and 12). The discrete lab opens in its own "
                            + "window with its two lectures (a picture, a tiny language).",
                    List.of(), List.of("discrete"), ""));

    /** The six parts, in the lecture's order. */
    public static List<LecturePart> parts() {
        return PARTS;
    }

    /** Every scenario of the lecture, in order: what next/previous walk through. */
    public static List<String> scenarios() {
        List<String> out = new ArrayList<>();
        PARTS.forEach(p -> out.addAll(p.scenarios()));
        return out;
    }

    /** The part that opens a scenario file. */
    public static Optional<LecturePart> partOf(String scenario) {
        return PARTS.stream().filter(p -> p.scenarios().contains(scenario)).findFirst();
    }

    /**
     * The scenario after (or before) one in the lecture, wrapping around.
     *
     * @param delta +1 for next, −1 for previous
     */
    public static String step(String scenario, int delta) {
        List<String> all = scenarios();
        int i = all.indexOf(scenario);
        if (i < 0) {
            return all.get(0);
        }
        return all.get(Math.floorMod(i + delta, all.size()));
    }
}
