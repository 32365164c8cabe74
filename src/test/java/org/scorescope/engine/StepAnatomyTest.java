package org.scorescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.schedule.Schedule;
import org.scorescope.schedule.Schedules;

/**
 * Issue 18, must-show 1: for every registry sampler and every configured variant, on schedules that
 * reach each special case (ᾱ_{T+1} defined or not, a last step to the data, EDM's σ grid), the terms
 * each step declares add up to the point it computed — to 1e-12 relative to ‖point‖ + 1 — and the
 * traced particle is bit for bit the engine's own particle at every step.
 */
class StepAnatomyTest {
    static final double TOLERANCE = 1e-12;

    /** Every registry id with its defaults, and every parameter value that changes the update's terms. */
    static List<String> variants() {
        List<String> v = new ArrayList<>(SamplerRegistry.ids());
        for (int k = 1; k <= 4; k++) {
            for (int r = 1; r <= (k == 1 ? 1 : 3); r++) {
                for (int anchors = 0; anchors <= (k > 2 ? 1 : 0); anchors++) {
                    v.add("lagrange:K=" + k + ":R=" + r + ":anchors=" + anchors);
                }
            }
        }
        v.addAll(List.of("ddim-eta:eta=0", "ddim-eta:eta=0.5", "ddim-eta:eta=1", "dpm-solver-3:lowerOrderFinal=0",
                "unipc-3:variant=2", "unipc-3:lowerOrderFinal=0", "unipc-3:variant=2:lowerOrderFinal=0",
                "fddim:iterations=1", "fddim:iterations=3", "fddim-avg:iterations=0", "fddim-avg:iterations=2"));
        for (String piadm : List.of("piadm-sde", "piadm-ode")) {
            for (int m : new int[] {1, 2, 4}) {
                for (int k : new int[] {1, 3, 5}) {
                    v.add(piadm + ":M=" + m + ":K=" + k);
                }
            }
        }
        return v;
    }

    /** Schedules that reach every branch: theory (ᾱ_{T+1} defined), theory ending at the data, linear, edm. */
    static List<Schedule> schedules() {
        return List.of(Schedules.byId("theory"), Schedules.create("theory", Map.of("denoise", 1.0), null, null),
                Schedules.byId("linear"), Schedules.byId("edm"));
    }

    @Test
    void everySamplersTermsAddUpToItsUpdateAndTheTraceIsTheRunsOwnParticle() {
        Target target = Presets.get("ring8");
        int particles = 37;
        int chosen = 29;
        int checked = 0;
        try (Engine engine = new Engine(1)) {
            for (String id : variants()) {
                for (Schedule schedule : schedules()) {
                    RunSpec spec = RunSpec.of(target, schedule.grid(7), List.of(SamplerSlot.of(SamplerRegistry.create(id))), particles, 5);
                    int steps = spec.grid().steps();
                    List<double[]> run = new ArrayList<>();
                    engine.run(spec, view -> {
                        double[][] out = new double[target.dim()][1];
                        view.copy(0, chosen, 1, out);
                        run.add(new double[] {out[0][0], out[1][0]});
                    });
                    List<StepAnatomy> trace = ParticleTracer.trace(spec, 0, chosen);
                    assertEquals(steps, trace.size(), id);
                    for (int i = 0; i < steps; i++) {
                        StepAnatomy a = trace.get(i);
                        String where = id + " on " + spec.grid().label() + ", step t=" + a.t();
                        assertEquals(steps - i, a.t(), where);
                        assertArrayEquals(run.get(i), a.start(), where + ": the trace starts where the run was");
                        assertArrayEquals(run.get(i + 1), a.end(), where + ": the trace ends where the run went (bit for bit)");
                        assertFalse(a.stages().isEmpty(), where);
                        for (StepAnatomy.Stage s : a.stages()) {
                            assertTrue(s.terms().get(0).carry(), where + " " + s.symbolTex() + ": the carry comes first");
                            assertTrue(s.terms().stream().skip(1).noneMatch(StepAnatomy.Term::carry), where);
                            assertTrue(s.residual() <= TOLERANCE, where + " stage " + s.symbolTex() + ": terms miss the point by "
                                    + s.residual() + " (" + s.equationTex() + ")");
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, "steps checked: " + checked);
    }
}
