package org.scorescope.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scorescope.distribution.Presets;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.engine.StepView;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.schedule.TheorySchedule;

/** A lab metric that does not apply to the run's scenario is not measured: its column is NaN and it costs no pass over the particles. */
class LabMetricSeriesTest {
    private static LabMetric counting(String id, AtomicInteger calls, boolean applies) {
        return new LabMetric() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String name() {
                return id;
            }

            @Override
            public String unit() {
                return "";
            }

            @Override
            public double measure(StepView step, int slot) {
                calls.incrementAndGet();
                return step.t();
            }

            @Override
            public boolean appliesTo(Scenario scenario) {
                return applies;
            }
        };
    }

    @Test
    void aMetricThatDoesNotApplyIsNotMeasured() {
        AtomicInteger on = new AtomicInteger();
        AtomicInteger off = new AtomicInteger();
        Scenario s = ScenarioJson.parse("{\"target\": \"gaussian\", \"samplers\": [\"ddim\", \"ddpm\"], \"steps\": 3, \"particles\": 1000}");
        LabMetricSeries series = new LabMetricSeries(List.of(counting("on", on, true), counting("off", off, false)), s);
        assertTrue(series.measured(0));
        assertFalse(series.measured(1));
        try (Engine e = new Engine(2)) {
            e.run(RunSpec.of(Presets.get("gaussian"), new TheorySchedule(2, 4).grid(3),
                    List.of(SamplerSlot.of(SamplerRegistry.create("ddim")), SamplerSlot.of(SamplerRegistry.create("ddpm"))), 1000, 1), series);
        }
        int recorded = 0;
        for (int t = 0; t < series.latest()[0][1].length; t++) {
            if (!Double.isNaN(series.value(0, 1, t))) {
                assertEquals(t, series.value(0, 1, t));
                recorded++;
            }
            assertTrue(Double.isNaN(series.value(1, 1, t)), "the metric that does not apply is NaN at t = " + t);
        }
        assertTrue(recorded >= 2, "measured after every step");
        assertEquals(2 * recorded, on.get(), "once per sampler and recorded step");
        assertEquals(0, off.get(), "never measured");
    }

    @Test
    void theInverseLabsMetricsApplyOnlyWithAnObservation() {
        Scenario plain = ScenarioJson.parse("{\"target\": \"ring8\", \"samplers\": [\"ddpm\"], \"steps\": 3, \"particles\": 1000}");
        Scenario observed = ScenarioJson.parse("{\"target\": \"ring8\", \"samplers\": [\"posterior-exact\"], \"steps\": 3, \"particles\": 1000, "
                + "\"observation\": {\"task\": \"inpaint-x\", \"y\": [2.5], \"sigma\": 0.2}}");
        List<LabMetric> inverse = org.scorescope.ui.labs.Labs.all().stream().filter(l -> l.id().equals("inverse")).findFirst().orElseThrow()
                .metrics();
        assertFalse(inverse.isEmpty());
        for (LabMetric m : inverse) {
            assertFalse(m.appliesTo(plain), m.id() + " on ring8 without y");
            assertTrue(m.appliesTo(observed), m.id() + " with y");
        }
    }
}
