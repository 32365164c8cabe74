package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.FramedTarget;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.OrthonormalFrame;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.Sampler;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.score.PerturbedScore;
import org.scorescope.score.ScoreError;

/**
 * docs/imperfect-scores.md, exact W2 in any dimension: the per-eigen-direction propagation against the
 * whole-space {@link GaussianPropagation}, and with score errors against the real engine (affine maps
 * probed with d + 1 particles for deterministic samplers, Monte Carlo means for DDPM).
 */
class SpectralPropagationTest {
    private static final List<String> SAMPLERS = List.of("ddpm", "ddim", "accel-ddim-ms", "accel-ddpm", "dpm-solver-3", "piadm-sde", "heun");

    private static Sampler sampler(String id) {
        return SamplerRegistry.create(id, Map.of());
    }

    @Test
    void equalsTheWholeSpacePropagationWithTheExactScore() {
        Grid grid = DiscreteSchedule.linear().grid(25);
        Target g = Presets.get("gaussian");
        for (String id : SAMPLERS) {
            for (GaussianPropagation.Start start : GaussianPropagation.Start.values()) {
                ExactGaussianError whole = ExactGaussianError.of(g, sampler(id), grid, start);
                SpectralPropagation.Result r = SpectralPropagation.run(g, null, sampler(id), grid, start);
                assertEquals(whole.w2(), r.w2(), 1e-9 * Math.max(1e-3, whole.w2()), id + " " + start + " W2");
                assertEquals(whole.kl(), r.kl(), 1e-7 * Math.max(1e-6, whole.kl()), id + " " + start + " KL");
                assertEquals(whole.nfe(), r.nfe(), id);
            }
        }
    }

    /**
     * A rank-2 and a full-rank framed Gaussian in R^6 against the same laws written as 6D Gaussians:
     * from N(0, I) with a random frame, from X(ᾱ_T) with the axes. (From X(ᾱ_T) with a random frame the
     * whole-space propagation is not a reference: Commons Math's eigenvectors of the nearly isotropic
     * C_T come out non-orthogonal, by 0.11 here, and its matrix square root with them.)
     */
    @Test
    void framedGaussiansEqualTheirSixDimensionalForm() {
        Grid grid = DiscreteSchedule.linear().grid(30);
        GaussianMixture base = (GaussianMixture) Presets.get("gaussian");
        for (boolean random : new boolean[] {true, false}) {
            OrthonormalFrame u = random ? OrthonormalFrame.random(6, 2, 17) : OrthonormalFrame.axes(6, 2);
            GaussianPropagation.Start start = random ? GaussianPropagation.Start.STANDARD_NORMAL : GaussianPropagation.Start.EXACT_MARGINAL;
            for (double rest : new double[] {0, 0.7}) {
                FramedTarget framed = new FramedTarget(base, u, rest);
                GaussianMixture full = (GaussianMixture) framed.marginal(0, 1, 2, 3, 4, 5);
                for (String id : List.of("ddpm", "ddim", "accel-ddim-ms", "dpm-solver-2")) {
                    ExactGaussianError whole = ExactGaussianError.of(full, sampler(id), grid, start);
                    SpectralPropagation.Result r = SpectralPropagation.run(framed, null, sampler(id), grid, start);
                    assertEquals(whole.w2(), r.w2(), 1e-8 * whole.w2(), id + " rest " + rest + " " + start);
                    assertEquals(whole.kl(), r.kl(), 1e-6 * whole.kl(), id + " rest " + rest + " " + start);
                }
            }
        }
    }

    /**
     * With bias, scale and noise-level errors, DDIM and the accelerated multistep sampler are affine maps
     * y_T ↦ A y_T + c; the real engine on the perturbed score gives A and c from d + 1 probe particles,
     * hence the exact output law from X(ᾱ_T), whose W2 must equal the per-direction result.
     */
    @Test
    void deterministicSamplersWithAffineErrorsAgreeWithTheEngine() {
        Grid grid = DiscreteSchedule.linear().grid(20);
        Target g = Presets.get("gaussian");
        GaussianMixture gm = (GaussianMixture) g;
        try (Engine engine = new Engine(1)) {
            for (String spec : List.of("bias:0.2", "scale:0.15", "noise-level:0.3")) {
                PerturbedScore p = PerturbedScore.of(g, ScoreError.parse(spec));
                for (String id : List.of("ddim", "accel-ddim-ms", "dpm-solver-3")) {
                    double[][] probe = {{0, 1, 0}, {0, 0, 1}};
                    RunResult r = engine.run(new RunSpec(g, p, grid, List.of(SamplerSlot.of(sampler(id))), 3, 1, probe), null);
                    double[][] y = r.positions().get(0);
                    double[] c = {y[0][0], y[1][0]};
                    RealMatrix a = new Array2DRowRealMatrix(new double[][] {{y[0][1] - c[0], y[0][2] - c[0]}, {y[1][1] - c[1], y[1][2] - c[1]}});
                    GaussianMixture.Level top = gm.level(grid.abar(grid.steps()));
                    RealMatrix ct = new Array2DRowRealMatrix(new double[][] {{top.covariance[0][0], top.covariance[0][1]}, {top.covariance[0][2], top.covariance[0][3]}});
                    double[] mean = a.operate(top.mean[0]);
                    mean[0] += c[0];
                    mean[1] += c[1];
                    RealMatrix cov = a.multiply(ct).multiply(a.transpose());
                    GaussianMixture.Level out = gm.level(grid.abar(0));
                    double w2 = GaussianDistance.w2(mean, cov.getData(), out.mean[0],
                            new double[][] {{out.covariance[0][0], out.covariance[0][1]}, {out.covariance[0][2], out.covariance[0][3]}});
                    double spectral = SpectralPropagation.run(g, p, sampler(id), grid, GaussianPropagation.Start.EXACT_MARGINAL).w2();
                    assertEquals(w2, spectral, 1e-7 * w2, spec + " " + id);
                }
            }
        }
    }

    /** DDPM with a bias in R^64 (rank-2 frame): the particles' mean projected on the bias direction is the propagated one within 5 standard errors. */
    @Test
    void ddpmWithABiasInHighDimensionMatchesParticles() {
        Grid grid = DiscreteSchedule.linear().grid(20);
        int d = 64;
        FramedTarget t = new FramedTarget(Presets.get("gaussian"), OrthonormalFrame.random(d, 2, 3), 0);
        PerturbedScore p = PerturbedScore.of(t, ScoreError.of("bias", 0.5));
        double[] b = p.bias();
        SpectralPropagation.Result law = SpectralPropagation.run(t, p, sampler("ddpm"), grid, GaussianPropagation.Start.STANDARD_NORMAL);
        int n = 40_000;
        RunResult r;
        try (Engine engine = new Engine(2)) {
            r = engine.run(new RunSpec(t, p, grid, List.of(SamplerSlot.of(sampler("ddpm"))), n, 4, null), null);
        }
        double[][] y = r.positions().get(0);
        // the mean of the output along b/|b|, from the propagated laws: Σ_j m_j (w_jᵀ b)/|b| over the plane plus the rest's share
        SpectralPropagation.Result exactScore = SpectralPropagation.run(t, null, sampler("ddpm"), grid, GaussianPropagation.Start.STANDARD_NORMAL);
        double wBias2 = law.w2() * law.w2() - exactScore.w2() * exactScore.w2();
        double meanAlong = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int a = 0; a < d; a++) {
                v += y[a][i] * b[a] / 0.5;
            }
            meanAlong += v;
            sq += v * v;
        }
        meanAlong /= n;
        double sd = Math.sqrt(sq / n - meanAlong * meanAlong);
        double expected = 0;
        var gs = org.scorescope.distribution.GaussianSpectrum.of(t);
        double[] rest = b.clone();
        int j = 0;
        for (double[] w : gs.directions()) {
            double beta = 0;
            for (int a = 0; a < d; a++) {
                beta += w[a] * b[a];
            }
            for (int a = 0; a < d; a++) {
                rest[a] -= beta * w[a];
            }
            expected += law.directions().get(j++).mean() * beta / 0.5;
        }
        double restNorm = 0;
        for (double v : rest) {
            restNorm += v * v;
        }
        restNorm = Math.sqrt(restNorm);
        expected += law.directions().get(j).mean() * restNorm / 0.5;
        assertEquals(expected, meanAlong, 5 * sd / Math.sqrt(n), "mean along the bias");
        assertEquals(true, wBias2 > 0);
    }

    /**
     * Issue 16, must-show 2: on {@code gaussian} with bias errors at T = 999 (the linear schedule's
     * largest T), the exact W2 of the output grows like ε_score: log–log slope 1 ± 0.05 over
     * ε = 0.03, 0.1, 0.3 for ddpm, ddim and accel-ddim-ms. (At ε = 0.01 ddim's own discretisation
     * error, W2 = 0.022 with the exact score, is no longer negligible; docs/imperfect-scores.md.)
     */
    @Test
    void biasErrorsMoveTheExactW2WithSlopeOne() {
        Grid grid = DiscreteSchedule.linear().grid(999);
        Target g = Presets.get("gaussian");
        double[] sizes = {0.03, 0.1, 0.3};
        for (String id : List.of("ddpm", "ddim", "accel-ddim-ms")) {
            double[] w2 = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                w2[i] = SpectralPropagation.run(g, PerturbedScore.of(g, ScoreError.of("bias", sizes[i])), sampler(id), grid,
                        GaussianPropagation.Start.EXACT_MARGINAL).w2();
            }
            double slope = -RateFit.fit(sizes, w2).order();
            assertEquals(1, slope, 0.05, id + " W2 " + java.util.Arrays.toString(w2));
        }
    }

    @Test
    void fieldErrorsAndMixturesAreRefused() {
        Grid grid = DiscreteSchedule.linear().grid(5);
        Target g = Presets.get("gaussian");
        assertThrows(IllegalArgumentException.class,
                () -> SpectralPropagation.run(g, PerturbedScore.of(g, ScoreError.parse("field:0.1")), sampler("ddpm"), grid, GaussianPropagation.Start.EXACT_MARGINAL));
        assertThrows(IllegalArgumentException.class,
                () -> SpectralPropagation.run(Presets.get("ring8"), null, sampler("ddpm"), grid, GaussianPropagation.Start.EXACT_MARGINAL));
    }
}
