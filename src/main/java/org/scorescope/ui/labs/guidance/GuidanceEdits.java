package org.scorescope.ui.labs.guidance;

import org.scorescope.scenario.Scenario;

/**
 * The scenario edits behind the lab's controls, without a window: guidance on and off, the class,
 * w on the slider's quarter steps; and what the NFE line says. Each returns a new scenario.
 */
final class GuidanceEdits {
    /** The largest w the slider offers (a file may hold more; it is shown, not clamped). */
    static final double MAX_W = 10;

    private GuidanceEdits() {
    }

    /** w on the slider's grid of quarter steps, within [0, {@value #MAX_W}]. */
    static double snap(double w) {
        return Math.max(0, Math.min(MAX_W, Math.rint(w * 4) / 4));
    }

    /** The scenario guided toward {@code classId} at strength w, keeping an interval it had. */
    static Scenario guide(Scenario s, int classId, double w) {
        Scenario.GuidanceSpec old = s.guidance();
        return s.withGuidance(old == null ? Scenario.GuidanceSpec.of(classId, w) : new Scenario.GuidanceSpec(classId, w, old.from(), old.to()));
    }

    /** The same scenario unguided (plain sampling of the whole mixture). */
    static Scenario unguide(Scenario s) {
        return s.withGuidance(null);
    }

    /** What the NFE line says before the run's count is known. */
    static String costNote(Scenario s) {
        Scenario.GuidanceSpec g = s.guidance();
        if (g == null) {
            return "Unguided: one score evaluation per call.";
        }
        if (g.w() == 0) {
            return "w = 0: plain conditional sampling, one evaluation per call.";
        }
        return "Guided: every score call costs 2 evaluations (the conditional and the unconditional score)"
                + (g.hasInterval() ? " while ᾱ is in [" + g.from() + ", " + g.to() + "]." : ", so the NFE doubles.");
    }

    /**
     * The measured NFE of a finished run, per sampler.
     *
     * @param labels the samplers' labels
     * @param nfe the counted evaluations per particle
     */
    static String measuredNote(Scenario s, java.util.List<String> labels, long[] nfe) {
        StringBuilder b = new StringBuilder("NFE counted: ");
        boolean doubled = s.guidance() != null && s.guidance().w() > 0 && !s.guidance().hasInterval();
        for (int k = 0; k < nfe.length; k++) {
            String name = labels.get(k);
            int cut = name.indexOf(" · ");
            b.append(k > 0 ? ", " : "").append(cut > 0 ? name.substring(0, cut) : name).append(' ').append(nfe[k]);
            if (doubled) {
                b.append(" = 2 × ").append(nfe[k] / 2);
            }
        }
        return b.append(doubled ? " (a guided call costs 2)" : "").toString();
    }
}
