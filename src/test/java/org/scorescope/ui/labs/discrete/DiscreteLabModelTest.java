package org.scorescope.ui.labs.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.ui.service.Progress;

/** The discrete window's state without a window: edits, what a sampler may be paired with, the readout. */
class DiscreteLabModelTest {
    @Test
    void editsKeepSamplersThatTheProcessDefinesAndDropTheTitle() {
        DiscreteLabModel m = new DiscreteLabModel();
        m.load(new DiscreteScenario("A lecture", "its paragraph", DiscreteScenario.TargetSpec.preset("language"), DiscreteProcess.MASKING, 5,
                "constant", 1e-3, List.of("tau-leaping", "unmasking"), 8, 1000, 1));
        assertEquals("A lecture", m.scenario.get().title());
        m.setProcess(DiscreteProcess.UNIFORM);
        assertEquals(List.of("tau-leaping"), m.scenario.get().samplers(), "unmasking is defined for masking only");
        assertEquals(16, m.scenario.get().horizon(), "the uniform process's default horizon");
        assertEquals("", m.scenario.get().title(), "an edit drops the lecture's title");
        m.setSampler("unmasking", true);
        assertEquals(List.of("tau-leaping"), m.scenario.get().samplers(), "refused under the uniform process");
        m.setSampler("ctmc-exact", true);
        m.setSampler("euler", true);
        assertEquals(List.of("tau-leaping", "euler", "ctmc-exact"), m.scenario.get().samplers(), "kept in the registry's order");
        m.setSampler("tau-leaping", false);
        m.setSampler("euler", false);
        m.setSampler("ctmc-exact", false);
        assertEquals(List.of("ctmc-exact"), m.scenario.get().samplers(), "one sampler always stays");
        m.setProcess(DiscreteProcess.MASKING);
        m.setSteps(1_000_000);
        assertEquals(DiscreteLabModel.MAX_STEPS, m.scenario.get().steps());
    }

    @Test
    void theReadoutSaysWhereTheRunIsAndItsExactErrors() {
        DiscreteLabModel m = new DiscreteLabModel();
        DiscreteScenario sc = new DiscreteScenario("", "", new DiscreteScenario.TargetSpec("picture", 6, null, null, null, null, List.of()),
                DiscreteProcess.MASKING, 2, "constant", 1e-3, List.of("tau-leaping"), 4, 500, 1);
        DiscreteRunResult r;
        try (DiscreteRunner runner = new DiscreteRunner(1)) {
            r = DiscreteRunPlan.run(sc, runner, Progress.none());
        }
        m.show(r);
        assertEquals(4, m.step.get(), "a finished run is shown at its output");
        String line = m.readout();
        DiscreteFrame f = r.frame(0, 4);
        assertTrue(line.startsWith("tau-leaping · step 4 of 4 · τ = 0.000 · exact TV(law, q_τ) = " + DiscreteLabModel.number(f.exactTv())), line);
        assertTrue(line.contains("% particles with a MASK"), line);
        assertTrue(m.message.get().startsWith("done in "), m.message.get());
        m.step.set(0);
        assertTrue(m.readout().contains("step 0 of 4 · τ = 2.000"), m.readout());
        assertTrue(m.readout().contains("KL(q_τ ‖ law) = ∞"), "the all-MASK start misses q_T's unmasked states: " + m.readout());
        assertEquals("–", DiscreteLabModel.number(Double.NaN));
    }
}
