package org.scorescope.score;

import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.scorescope.distribution.BoxMixture;
import org.scorescope.distribution.CompositeTarget;
import org.scorescope.distribution.EmbeddedTarget;
import org.scorescope.distribution.EmpiricalTarget;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Target;

/**
 * The exact score of a target with an error of known size ({@link ScoreError}; 001 §2, Assumptions
 * 2.3–2.4): a wrapper of the score, so any sampler runs on it unchanged and counts its evaluations
 * as usual. With size 0 it returns the exact score bit for bit.
 */
public final class PerturbedScore implements ScoreFunction {
    private final ScoreFunction exact;
    private final Target target;
    private final ScoreError error;
    private final ErrorTerm term;
    private final double[] bias;

    /**
     * @param exact the exact score of {@code target}
     * @param target the target (its dimension, Jacobian and characteristic function)
     * @param error the error
     * @throws IllegalArgumentException starting with the field at fault ("direction", "features", "type")
     */
    public PerturbedScore(ScoreFunction exact, Target target, ScoreError error) {
        this.exact = exact;
        this.target = target;
        this.error = error;
        int d = target.dim();
        this.bias = new double[d];
        switch (error.type()) {
            case "bias" -> {
                double[] u = error.direction();
                if (u == null) {
                    u = UnitSphereSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(error.seed()), d).sample();
                } else if (u.length != d) {
                    throw new IllegalArgumentException("direction must have " + d + " entries (the target's dimension), had " + u.length);
                }
                double norm = 0;
                for (double v : u) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                for (int a = 0; a < d; a++) {
                    bias[a] = error.size() * u[a] / norm;
                }
                term = new BiasError(bias);
            }
            case "scale" -> term = new ScaleError(error.size());
            case "noise-level" -> term = new NoiseLevelError(error.size());
            case "field" -> {
                try {
                    term = new FourierFieldError(target, error.size(), error.frequency(), error.features(), error.seed(), components(target));
                } catch (IllegalArgumentException e) {
                    throw e.getMessage().startsWith("features") ? e : new IllegalArgumentException("type: field errors " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("type must be one of " + ScoreError.TYPES + ", was " + error.type());
        }
    }

    /** The target's exact score with this error. */
    public static PerturbedScore of(Target target, ScoreError error) {
        return new PerturbedScore(new ExactScore(target), target, error);
    }

    /** The error. */
    public ScoreError error() {
        return error;
    }

    /** The target. */
    public Target target() {
        return target;
    }

    /** The exact score underneath. */
    public ScoreFunction exact() {
        return exact;
    }

    /** The constant bias b (zero for other error types). */
    public double[] bias() {
        return bias.clone();
    }

    @Override
    public void eval(double[][] x, int n, double gamma, double[][] out) {
        term.eval(exact, x, n, gamma, out);
    }

    @Override
    public void evalLevels(double[][] x, int n, double[] gammas, double[][] out) {
        term.evalLevels(exact, x, n, gammas, out);
    }

    /**
     * Whether samplers that evaluate every particle at its own level (the randomized midpoint) can
     * run on this score: all error types but field.
     */
    public boolean allowsLevelPerParticle() {
        return !(term instanceof FourierFieldError) || error.size() == 0;
    }

    /** The exact score's cost: the error itself is free (it is part of the model's output). */
    @Override
    public int evaluationCost(double gamma) {
        return exact.evaluationCost(gamma);
    }

    /** ‖Ĵ(x) − J(x)‖_F, the Frobenius norm of the error's Jacobian at one point. */
    public double jacobianError(double[] x, double gamma) {
        return term.jacobianError(target, x, gamma);
    }

    /** Whether the error keeps a Gaussian target's score affine along each eigen-direction (all but field). */
    public boolean isAffineOnGaussians() {
        return term.along(1, 0, 0, 0.5) != null;
    }

    /**
     * The perturbed score along one eigen-direction of a Gaussian target: {a, c} with ŝ(z) = a z + c.
     *
     * @param variance λ, the data variance along the direction
     * @param mean μ, the data mean along it
     * @param biasComponent bᵀw, the bias along the direction
     * @param gamma the level
     * @throws UnsupportedOperationException for field errors
     */
    public double[] along(double variance, double mean, double biasComponent, double gamma) {
        double[] r = term.along(variance, mean, biasComponent, gamma);
        if (r == null) {
            throw new UnsupportedOperationException(error.type() + " errors are not affine: no exact Gaussian law");
        }
        return r;
    }

    /** Mixture components of a target (what the field's exact normalisation costs per feature pair). */
    static int components(Target t) {
        if (t instanceof GaussianMixture g) {
            return g.components();
        }
        if (t instanceof EmpiricalTarget e) {
            return e.size();
        }
        if (t instanceof BoxMixture b) {
            return b.boxes();
        }
        if (t instanceof FramedTarget f) {
            return components(f.base());
        }
        if (t instanceof EmbeddedTarget e) {
            return components(e.base());
        }
        if (t instanceof CompositeTarget c) {
            int k = 0;
            for (int p = 0; p < c.parts(); p++) {
                k += components(c.part(p));
            }
            return k;
        }
        return 1;
    }
}
