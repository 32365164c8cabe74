package org.scorescope.ui.labs;

import java.util.List;
import org.scorescope.ui.lab.Lab;

/**
 * The one place where labs are registered: the window shows one section per lab, in this order. A
 * new lab is one line here (see docs/architecture.md, "How to add a lab").
 */
public final class Labs {
    private Labs() {
    }

    /** A fresh instance of every lab (each window gets its own). */
    public static List<Lab> all() {
        return List.of(new TargetEditorLab(), new RateStudyLab(), new org.scorescope.ui.labs.teaching.TeachingLab(),
                new org.scorescope.ui.labs.guidance.GuidanceLab(), new org.scorescope.ui.labs.inverse.InverseLab(),
                new org.scorescope.ui.labs.discrete.DiscreteLab(), new org.scorescope.ui.labs.scoreerror.ScoreErrorLab());
    }
}
