package org.scorescope.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scorescope.scenario.Scenario;

/** The session view model, without a window: one change per load or edit, nothing clamped, titles dropped when stale. */
class SessionModelTest {
    private static Scenario lecture() {
        return new Scenario("DDPM vs DDIM", "a paragraph", Scenario.TargetSpec.preset("ring8"),
                new Scenario.ScheduleSpec("vp-continuous", Map.of("beta0", 0.1), "logsnr", null),
                List.of(Scenario.SamplerSpec.of("ddpm"), new Scenario.SamplerSpec("lagrange", Map.of("K", 3.0, "R", 2.0)),
                        Scenario.SamplerSpec.of("ddim"), Scenario.SamplerSpec.of("heun"), Scenario.SamplerSpec.of("pf-ode"),
                        Scenario.SamplerSpec.of("dpm-solver-2")),
                7, 3_333_333, 9_876_543_210L);
    }

    @Test
    void loadingIsOneChangeAndKeepsTheScenarioExactly() {
        SessionModel m = new SessionModel();
        AtomicInteger changes = new AtomicInteger();
        m.scenarioProperty().addListener((o, a, b) -> changes.incrementAndGet());
        Scenario s = lecture();
        m.load(s);
        assertEquals(1, changes.get(), "one open, one change (one run)");
        assertSame(s, m.scenario(), "six samplers, N = 3,333,333 and a seed beyond int: nothing clamped");
        m.setSteps(7);
        assertEquals(1, changes.get(), "an edit to the same value changes nothing");
    }

    @Test
    void parametersAreWrittenInCanonicalOrderSoAFileWrittenAgainIsTheSame() {
        String text = """
                {
                  "title" : "",
                  "description" : "",
                  "target" : "ring8",
                  "schedule" : {
                    "id" : "vp-continuous",
                    "spacing" : "logsnr",
                    "beta0" : 0.1,
                    "beta1" : 20.0
                  },
                  "samplers" : [ {
                    "id" : "lagrange",
                    "K" : 3.0,
                    "R" : 2.0,
                    "anchors" : 1.0
                  }, {
                    "id" : "piadm-ode",
                    "K" : 2.0,
                    "M" : 8.0
                  }, {
                    "id" : "unipc-3",
                    "lowerOrderFinal" : 0.0,
                    "variant" : 2.0
                  } ],
                  "steps" : 12,
                  "particles" : 5000,
                  "seed" : 7
                }""";
        assertEquals(text.strip(), org.scorescope.scenario.ScenarioJson.write(org.scorescope.scenario.ScenarioJson.parse(text)).strip());
    }

    @Test
    void droppingTheTitleKeepsTheScoreErrorTheRunWasAbout() {
        Scenario l = lecture();
        Scenario withError = new Scenario(l.title(), l.description(), l.target(), l.schedule(), l.samplers(), l.steps(), l.particles(),
                l.seed(), null, null, org.scorescope.score.ScoreError.parse("bias:0.1"));
        SessionModel m = new SessionModel();
        m.load(withError);
        m.setSampler(0, SamplerChoice.of("ddim-exact"));
        assertEquals("", m.scenario().title(), "a sampler change drops the lecture's title");
        assertEquals(withError.scoreError(), m.scenario().scoreError(), "but not the score error");
        m.load(withError);
        m.setExplicitTarget(new Scenario.TargetSpec(null, "gaussian-mixture", new double[] {1}, new double[][] {{0, 0}},
                new double[][][] {{{1, 0}, {0, 1}}}, null, null, 0));
        assertEquals(withError.scoreError(), m.scenario().scoreError(), "nor a drawn target");
    }

    @Test
    void changingTheTargetOrTheSamplersDropsTheStaleTitleOtherEditsKeepIt() {
        SessionModel m = new SessionModel();
        m.load(lecture());
        m.setSteps(12);
        m.setSeed(3);
        m.setParticles(5000);
        assertEquals("DDPM vs DDIM", m.scenario().title());
        m.setSampler(1, SamplerChoice.parse("lagrange:K=2:R=1"));
        assertEquals("DDPM vs DDIM", m.scenario().title(), "a parameter change keeps the title");
        m.setSampler(0, SamplerChoice.of("ddim-exact"));
        assertEquals("", m.scenario().title());
        assertEquals("", m.scenario().description());
        m.load(lecture());
        m.setExplicitTarget(new Scenario.TargetSpec(null, "gaussian-mixture", new double[] {1}, new double[][] {{0, 0}},
                new double[][][] {{{1, 0}, {0, 1}}}, null, null, 0));
        assertEquals("", m.scenario().title(), "a drawn target is not the lecture's target");
        m.load(lecture());
        m.setPreset("moons");
        assertEquals("", m.scenario().title());
        assertEquals("logsnr", m.scenario().schedule().spacing(), "the schedule's fields are kept");
    }

    @Test
    void samplersOneToEight() {
        SessionModel m = new SessionModel();
        m.load(lecture());
        m.addSampler(SamplerChoice.of("ddim"));
        m.addSampler(SamplerChoice.of("ddim"));
        m.addSampler(SamplerChoice.of("ddim"));
        assertEquals(Scenario.MAX_SAMPLERS, m.scenario().samplers().size());
        m.focus.set(7);
        m.removeSampler(7);
        assertEquals(-1, m.focus.get(), "the focused panel went away: all panels again");
        for (int i = 0; i < 10; i++) {
            m.removeSampler(0);
        }
        assertEquals(1, m.scenario().samplers().size(), "one sampler always stays");
    }

    @Test
    void canonicalSamplerIdsNameEveryParameter() {
        SamplerChoice c = SamplerChoice.of(new Scenario.SamplerSpec("lagrange", Map.of("R", 2.0, "K", 3.0)));
        assertEquals("lagrange:K=3:R=2:anchors=0", c.canonical(), "the CLI's canonical form: every parameter, declaration order");
        assertEquals(Map.of("K", 3.0, "R", 2.0), SamplerChoice.parse("lagrange:K=3,R=2").params());
        assertEquals(SamplerChoice.parse("lagrange:K=3:R=2").canonical(), SamplerChoice.parse("lagrange:R=2,K=3").canonical());
        assertEquals("ddim-eta:eta=0.3", SamplerChoice.parse("ddim-eta:eta=0.3").canonical());
        assertEquals("ddim", SamplerChoice.parse("ddim").canonical());
        assertEquals("warp-drive:x=1", SamplerChoice.parse("warp-drive:x=1").canonical(), "unknown ids are kept as given");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerChoice.parse("lagrange:K"));
        assertTrue(e.getMessage().contains("'K'"), e.getMessage());
    }

    @Test
    void threePanelsInOneRowFourInTwo() {
        assertArrayEquals(new int[] {1, 1}, PanelLayout.AUTO.grid(1));
        assertArrayEquals(new int[] {3, 1}, PanelLayout.AUTO.grid(3));
        assertArrayEquals(new int[] {2, 2}, PanelLayout.AUTO.grid(4));
        assertArrayEquals(new int[] {4, 2}, PanelLayout.AUTO.grid(8));
        assertArrayEquals(new int[] {4, 1}, PanelLayout.ROW.grid(4));
        assertArrayEquals(new int[] {1, 3}, PanelLayout.COLUMN.grid(3));
        assertEquals(PanelLayout.AUTO, PanelLayout.COLUMN.next());
    }

    @Test
    void labsAddLayersWithKeys() {
        SessionModel m = new SessionModel();
        m.layers().add(new LayerToggle("guidance.arrows", "Guidance arrows", 'G', false));
        assertEquals("guidance.arrows", m.layers().byKey('g').orElseThrow().id());
        assertThrows(IllegalArgumentException.class, () -> m.layers().add(new LayerToggle("density", "again", (char) 0, true)));
        assertTrue(m.style().density() && m.style().particles() && m.style().trails() && !m.style().scoreField());
    }
}
