package org.scorescope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.sampler.StepAnatomy;
import org.scorescope.schedule.Schedules;

/**
 * Issue 19: UniPC's step in a normal run ({@code stepFast}: one loop per number of earlier model
 * values, differences formed where used) computes the same particles bit for bit as the step written
 * as the reference writes it ({@code stepTraced}: stored differences D_i, a loop over them), which the
 * tracer runs. T = 20 reaches orders 1, 2, 3 with and without the corrector; the particles sit in the
 * first, a middle and the last (partial) chunk of a 5000-particle run (chunks of 320).
 */
class UniPcFastPathTest {
    @Test
    void normalRunEqualsTheReferenceFormBitForBit() {
        Target target = Presets.get("ring8");
        int particles = 5000;
        long[] chosen = {3, 2511, 4999};
        try (Engine engine = new Engine(2)) {
            for (String id : List.of("unipc-3", "unipc-3:variant=2", "unipc-3:lowerOrderFinal=0", "unipc-3:variant=2:lowerOrderFinal=0")) {
                for (String schedule : List.of("linear", "vp-continuous", "edm")) {
                    RunSpec spec = RunSpec.of(target, Schedules.byId(schedule).grid(20), List.of(SamplerSlot.of(SamplerRegistry.create(id))),
                            particles, 11);
                    int steps = spec.grid().steps();
                    List<double[][]> run = new ArrayList<>();
                    engine.run(spec, view -> {
                        double[][] all = new double[target.dim()][particles];
                        view.copy(0, 0, particles, all);
                        run.add(all);
                    });
                    for (long p : chosen) {
                        List<StepAnatomy> trace = ParticleTracer.trace(spec, 0, p);
                        assertEquals(steps, trace.size());
                        for (int i = 0; i < steps; i++) {
                            double[] expected = {run.get(i + 1)[0][(int) p], run.get(i + 1)[1][(int) p]};
                            assertArrayEquals(expected, trace.get(i).end(), 0.0, id + " on " + schedule + ", particle " + p + ", step " + i);
                        }
                    }
                }
            }
        }
    }
}
