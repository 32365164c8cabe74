package org.scorescope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.scorescope.engine.RunSpec;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.score.GuidedScore;

/** A guided scenario keeps its guidance through the view model: loaded, edited, saved and run guided. */
class SessionGuidanceTest {
    private static final String GUIDED = """
            {
              "title" : "guided",
              "description" : "a paragraph",
              "target" : "two-classes",
              "schedule" : "linear",
              "samplers" : [ "ddpm" ],
              "steps" : 20,
              "particles" : 2000,
              "seed" : 3,
              "guidance" : {
                "class" : 1,
                "w" : 3.0,
                "interval" : [ 0.1, 0.9 ]
              }
            }""";

    @Test
    void guidanceSurvivesLoadEditsAndSaveAndTheRunIsGuided() {
        SessionModel m = new SessionModel();
        m.load(ScenarioJson.parse(GUIDED));
        Scenario.GuidanceSpec g = new Scenario.GuidanceSpec(1, 3.0, 0.1, 0.9);
        assertEquals(g, m.scenario().guidance());
        m.setSteps(30);
        m.setSampler(0, SamplerChoice.parse("ddim"));
        m.addSampler(SamplerChoice.parse("heun"));
        m.removeSampler(1);
        m.setSeed(4);
        assertEquals(g, m.scenario().guidance(), "edits that drop the title keep the guidance");
        assertEquals("", m.scenario().title());
        RunSpec spec = ScenarioBuilder.run(m.scenario(), null);
        GuidedScore score = assertInstanceOf(GuidedScore.class, spec.score(), "the window's run is guided");
        assertEquals(3.0, score.w());
        assertEquals(1, score.classId());
        Scenario again = ScenarioJson.parse(ScenarioJson.write(m.scenario()));
        assertEquals(g, again.guidance(), "saved and opened again: still guided");
    }

    @Test
    void aTargetWithTheClassKeepsTheGuidanceOneWithoutDropsIt() {
        SessionModel m = new SessionModel();
        m.load(ScenarioJson.parse(GUIDED));
        m.setPreset("ring8-classes");
        assertEquals(1, m.scenario().guidance().classId(), "ring8-classes has class 1: kept");
        m.setPreset("moons");
        assertNull(m.scenario().guidance(), "moons has no classes: a guided run could not start, so the guidance goes");
        ScenarioBuilder.validate(m.scenario());
    }
}
