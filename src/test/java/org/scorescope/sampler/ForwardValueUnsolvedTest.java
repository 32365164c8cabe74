package org.scorescope.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunResult;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.schedule.Grid;
import org.scorescope.schedule.Schedules;

/**
 * F-DDIM's tolerance mode on a step whose fixed-point map does not contract for every particle
 * (moons, linear grid, T = 5: the last step goes from ᾱ = 0.66 to 0.9999). It used to stop the whole
 * run; now the unsolved particles are NaN and counted as diverged, and every other particle solves the
 * implicit step Y = a·Y₁ + c·D(Y, ᾱ₀) (003 Part 3, Theorem 8) to the mode's tolerance.
 */
class ForwardValueUnsolvedTest {
    @Test
    void unsolvedParticlesAreFlaggedAndTheOthersSolveTheImplicitStep() {
        Target target = Presets.get("moons");
        Grid grid = Schedules.create("linear", Map.of(), null, null).grid(5);
        int n = 20_000;
        double[][][] beforeLast = new double[1][][];
        RunResult r;
        try (Engine e = new Engine(2)) {
            r = e.run(RunSpec.of(target, grid, List.of(SamplerSlot.of(SamplerRegistry.create("fddim"))), n, 7), v -> {
                if (v.t() == 1) {
                    double[][] p = v.positions(0);
                    beforeLast[0] = new double[][] {p[0].clone(), p[1].clone()};
                }
            });
        }
        double[][] y = r.positions().get(0);
        int unsolved = r.diverged()[0];
        System.out.printf("fddim moons T=5, %d particles: %d unsolved at the last step%n", n, unsolved);
        assertTrue(unsolved > 0, "this step does not contract for every particle (the old code threw here)");
        assertTrue(unsolved < n / 100, "only a few particles fail: " + unsolved);

        double gp = grid.abar(0);
        double gt = grid.abar(1);
        double a = Math.sqrt((1 - gp) / (1 - gt));
        double c = Math.sqrt(gp) - Math.sqrt((1 - gp) * gt / (1 - gt));
        double[][] s = new double[2][n];
        target.scoreBatch(y, n, gp, s);
        int nan = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[0][i])) {
                nan++;
                assertTrue(Double.isNaN(y[1][i]), "a flagged particle is NaN on every axis");
                continue;
            }
            for (int d = 0; d < 2; d++) {
                double data = (y[d][i] + (1 - gp) * s[d][i]) / Math.sqrt(gp);
                double residual = Math.abs(y[d][i] - (a * beforeLast[0][d][i] + c * data)) / (1 + Math.abs(y[d][i]));
                worst = Math.max(worst, residual);
            }
        }
        assertEquals(unsolved, nan, "the engine counts exactly the NaN particles");
        System.out.printf("worst relative residual of the implicit step over solved particles: %.2e%n", worst);
        assertTrue(worst < 1e-7, "solved particles satisfy the implicit step (a particle is left once it moves by <= 1e-8 relative): " + worst);
    }
}
