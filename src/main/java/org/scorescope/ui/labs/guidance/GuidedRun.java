package org.scorescope.ui.labs.guidance;

import java.util.concurrent.atomic.AtomicReference;
import org.scorescope.distribution.ClassMixture;
import org.scorescope.scenario.GuidanceScenario;
import org.scorescope.scenario.Scenario;
import org.scorescope.ui.lab.RunView;

/**
 * What the guidance lab reads from a scenario: its labelled target, the class the pictures are about
 * (the guided class, or the first class of an unguided run) and w (0 when unguided). Immutable.
 *
 * @param classes the labelled target
 * @param classId the class c
 * @param classIndex c's position in the target's class list (its colour)
 * @param w the guidance strength (0 when the scenario is not guided)
 * @param guided whether the scenario is guided
 */
record GuidedRun(ClassMixture classes, int classId, int classIndex, double w, boolean guided) {
    private static final AtomicReference<Object[]> LAST = new AtomicReference<>();

    /** The run's guidance, or null when its target has no classes (or they are invalid). */
    static GuidedRun of(RunView run) {
        return run == null ? null : of(run.scenario());
    }

    /** The scenario's guidance, or null when its target has no classes (or they are invalid). */
    static GuidedRun of(Scenario s) {
        Object[] last = LAST.get();
        if (last != null && last[0] == s) {
            return (GuidedRun) last[1];
        }
        GuidedRun g = compute(s);
        LAST.set(new Object[] {s, g});
        return g;
    }

    private static GuidedRun compute(Scenario s) {
        ClassMixture m;
        try {
            m = GuidanceScenario.classes(s.target());
        } catch (RuntimeException e) {
            return null;
        }
        if (m == null || m.dim() > 2) {
            return null;
        }
        Scenario.GuidanceSpec g = s.guidance();
        int id = g != null && m.has(g.classId()) ? g.classId() : m.classIds()[0];
        return new GuidedRun(m, id, java.util.Arrays.binarySearch(m.classIds(), id), g != null ? g.w() : 0, g != null);
    }
}
