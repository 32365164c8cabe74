package org.scorescope.distribution;

/**
 * The characteristic function φ(ν) = E exp(i νᵀX₀) of a target's data law, in closed form, for the
 * targets built from Gaussians, boxes and points. With it the noised law's is
 * E exp(i νᵀX(γ)) = φ(√γ ν) · exp(−(1−γ)‖ν‖²/2), so expectations of trigonometric functions under
 * any q_t are exact (the random Fourier score errors are normalised with it).
 *
 * <ul>
 * <li>Gaussian mixture: Σ_c π_c exp(i νᵀμ_c − νᵀΣ_cν/2);</li>
 * <li>box mixture: Σ_c π_c Π_a exp(i ν_a (lo+hi)/2) sinc(ν_a (hi−lo)/2);</li>
 * <li>empirical (points): (1/n) Σ_i exp(i νᵀx_i);</li>
 * <li>composite: Σ_p w_p φ_p(ν); zero padding: φ_base(ν_head); frame U with λ⊥:
 * φ_base(Uᵀν) · exp(−λ⊥ ‖P⊥ν‖²/2).</li>
 * </ul>
 * A direction ν is prepared once ({@link #prepare}); the prepared form then gives φ(sν) for any
 * scale s in O(components).
 */
public abstract class CharacteristicFunction {

    /** φ(s ν) for one prepared direction ν. */
    public interface Prepared {
        /** Writes Re and Im of φ(s ν) into {@code out[0]}, {@code out[1]}. */
        void at(double s, double[] out);
    }

    /** Prepares a direction ν (length dim). */
    public abstract Prepared prepare(double[] nu);

    /**
     * The characteristic function of a target's data law.
     *
     * @throws IllegalArgumentException when the target has none in closed form here
     */
    public static CharacteristicFunction of(Target t) {
        if (t instanceof GaussianMixture g) {
            return new OfGaussians(g);
        }
        if (t instanceof EmpiricalTarget e) {
            return new OfGaussians(e.mixture());
        }
        if (t instanceof BoxMixture b) {
            return new OfBoxes(b);
        }
        if (t instanceof EmbeddedTarget e) {
            CharacteristicFunction base = of(e.base());
            int k = e.base().dim();
            return new CharacteristicFunction() {
                @Override
                public Prepared prepare(double[] nu) {
                    return base.prepare(java.util.Arrays.copyOf(nu, k));
                }
            };
        }
        if (t instanceof FramedTarget f) {
            return new OfFramed(f, of(f.base()));
        }
        if (t instanceof CompositeTarget c) {
            CharacteristicFunction[] parts = new CharacteristicFunction[c.parts()];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = of(c.part(p));
            }
            return new CharacteristicFunction() {
                @Override
                public Prepared prepare(double[] nu) {
                    Prepared[] pp = new Prepared[parts.length];
                    for (int p = 0; p < pp.length; p++) {
                        pp[p] = parts[p].prepare(nu);
                    }
                    return (s, out) -> {
                        double re = 0;
                        double im = 0;
                        double[] o = new double[2];
                        for (int p = 0; p < pp.length; p++) {
                            pp[p].at(s, o);
                            re += c.partWeight(p) * o[0];
                            im += c.partWeight(p) * o[1];
                        }
                        out[0] = re;
                        out[1] = im;
                    };
                }
            };
        }
        throw new IllegalArgumentException("no closed-form characteristic function for " + t.getClass().getSimpleName()
                + " (Gaussian, box, empirical, composite, embedded and framed targets have one)");
    }

    private static final class OfGaussians extends CharacteristicFunction {
        private final double[] weights;
        private final double[][] means;
        private final double[][][] covariances;

        OfGaussians(GaussianMixture g) {
            int k = g.components();
            weights = new double[k];
            means = new double[k][];
            covariances = new double[k][][];
            for (int c = 0; c < k; c++) {
                weights[c] = g.weight(c);
                means[c] = g.mean(c);
                covariances[c] = g.covariance(c);
            }
        }

        @Override
        public Prepared prepare(double[] nu) {
            int k = weights.length;
            int d = nu.length;
            double[] phase = new double[k];
            double[] quad = new double[k];
            for (int c = 0; c < k; c++) {
                double p = 0;
                double q = 0;
                for (int a = 0; a < d; a++) {
                    p += nu[a] * means[c][a];
                    double r = 0;
                    for (int b = 0; b < d; b++) {
                        r += covariances[c][a][b] * nu[b];
                    }
                    q += nu[a] * r;
                }
                phase[c] = p;
                quad[c] = Math.max(0, q);
            }
            return (s, out) -> {
                double re = 0;
                double im = 0;
                for (int c = 0; c < k; c++) {
                    double amp = weights[c] * Math.exp(-0.5 * s * s * quad[c]);
                    re += amp * Math.cos(s * phase[c]);
                    im += amp * Math.sin(s * phase[c]);
                }
                out[0] = re;
                out[1] = im;
            };
        }
    }

    private static final class OfBoxes extends CharacteristicFunction {
        private final BoxMixture boxes;

        OfBoxes(BoxMixture b) {
            boxes = b;
        }

        @Override
        public Prepared prepare(double[] nu) {
            int k = boxes.boxes();
            int d = nu.length;
            double[][] centre = new double[k][d];
            double[][] half = new double[k][d];
            double[] w = new double[k];
            for (int c = 0; c < k; c++) {
                double[] lo = boxes.lower(c);
                double[] hi = boxes.upper(c);
                w[c] = boxes.weight(c);
                for (int a = 0; a < d; a++) {
                    centre[c][a] = nu[a] * 0.5 * (lo[a] + hi[a]);
                    half[c][a] = nu[a] * 0.5 * (hi[a] - lo[a]);
                }
            }
            return (s, out) -> {
                double re = 0;
                double im = 0;
                for (int c = 0; c < k; c++) {
                    double amp = w[c];
                    double ph = 0;
                    for (int a = 0; a < d; a++) {
                        amp *= sinc(s * half[c][a]);
                        ph += s * centre[c][a];
                    }
                    re += amp * Math.cos(ph);
                    im += amp * Math.sin(ph);
                }
                out[0] = re;
                out[1] = im;
            };
        }

        private static double sinc(double u) {
            return Math.abs(u) < 1e-4 ? 1 - u * u / 6 : Math.sin(u) / u;
        }
    }

    private static final class OfFramed extends CharacteristicFunction {
        private final FramedTarget target;
        private final CharacteristicFunction base;

        OfFramed(FramedTarget target, CharacteristicFunction base) {
            this.target = target;
            this.base = base;
        }

        @Override
        public Prepared prepare(double[] nu) {
            int k = target.frame().plane();
            double[] z = new double[k];
            target.frame().toPlane(nu, z);
            double rest = 0;
            for (double v : nu) {
                rest += v * v;
            }
            for (double v : z) {
                rest -= v * v;
            }
            double q = target.normalVariance() * Math.max(0, rest);
            Prepared b = base.prepare(z);
            return (s, out) -> {
                b.at(s, out);
                double f = Math.exp(-0.5 * s * s * q);
                out[0] *= f;
                out[1] *= f;
            };
        }
    }
}
