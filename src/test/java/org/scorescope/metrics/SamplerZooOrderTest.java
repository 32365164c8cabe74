package org.scorescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.schedule.VpContinuousSchedule;
import org.scorescope.distribution.Presets;

/**
 * Issue 6, must-show 1: exact convergence orders on gaussian1d (vp-continuous, log-SNR grid, exact
 * W2 from X(ᾱ_T)), slope of log error on log T from T = 100 to T = 400.
 */
class SamplerZooOrderTest {

    static double slope(String id, Map<String, Double> params) {
        return RateFit.slope(new int[] {100, 200, 400}, T -> w2(id, params, T));
    }

    static double w2(String id, Map<String, Double> params, int steps) {
        var grid = VpContinuousSchedule.dpmSolver(VpContinuousSchedule.Spacing.LOGSNR).grid(steps);
        return ExactGaussianError.of(Presets.get("gaussian1d"), SamplerRegistry.create(id, params), grid).w2();
    }

    @ParameterizedTest(name = "{0} {1}: order {2} ± 0.2")
    @CsvSource(delimiter = ';', value = {
        "dpm-solver-1;;1", "dpm-solver-2;;2", "dpmpp-2m;;2", "heun;;2",
        "lagrange;K=1;1", "lagrange;K=2;2", "fddim;;1", "fddim-avg;;2"})
    void ordersWithinPointTwo(String id, String param, double order) {
        double slope = slope(id, params(param));
        System.out.printf("order %-14s %-6s %.3f%n", id, param == null ? "" : param, slope);
        assertEquals(order, slope, 0.2, id + " " + param);
    }

    @ParameterizedTest(name = "{0} {1}: order at least 2.7")
    @CsvSource(delimiter = ';', value = {
        "lagrange;K=3", "lagrange;K=4", "dpm-solver-3;lowerOrderFinal=0", "unipc-3;lowerOrderFinal=0"})
    void highOrdersAtLeast2point7(String id, String param) {
        double slope = slope(id, params(param));
        System.out.printf("order %-14s %-18s %.3f%n", id, param, slope);
        assertTrue(slope >= 2.7, id + " " + param + ": " + slope);
    }

    /**
     * With the reference codes' own order schedules (DPM-Solver-3 ends with orders 2, 1; UniPC's
     * lower_order_final ends with orders 2, 1 and skips the last corrector), the first-order final
     * step's O(1/T²) error and the O(1/T³) error of the rest have opposite signs here, so the slope
     * from 100 to 400 is blurred (measured: dpm-solver-3 1.61, unipc-3 2.57); the error itself stays
     * small, and the full-order variants above show the update rules' order.
     */
    @Test
    void referenceScheduleVariantsAreAccurateThoughTheirSlopeIsBlurred() {
        for (String id : new String[] {"dpm-solver-3", "unipc-3"}) {
            double slope = slope(id, Map.of());
            double e400 = w2(id, Map.of(), 400);
            System.out.printf("order %-14s (reference defaults) %.3f, W2 at T=400 %.2e%n", id, slope, e400);
            assertTrue(slope > 1.4, id + " " + slope);
            assertTrue(e400 < 1e-7, id + " " + e400);
        }
    }

    @Test
    void probabilityFlowReferenceIsAccurateTo1e8() {
        for (int steps : new int[] {5, 20}) {
            double e = w2("pf-ode", Map.of(), steps);
            assertTrue(e < 1e-8, "pf-ode W2 error " + e + " at T=" + steps);
        }
    }

    private static Map<String, Double> params(String p) {
        if (p == null || p.isBlank()) {
            return Map.of();
        }
        String[] kv = p.split("=");
        return Map.of(kv[0], Double.parseDouble(kv[1]));
    }
}
