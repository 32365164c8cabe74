package org.scorescope.ui.labs.discrete;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteSamplers;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.StepSchedule;

/**
 * The discrete window's state, with no JavaFX node (tested without a window): the scenario, the
 * finished run it shows, the displayed step and sampler, and what the heat map colours. Edits make a
 * new scenario (each edit restarts the run, as in the main window); an edit that would pair a sampler
 * with a process it is not defined for drops that sampler. FX thread only.
 */
final class DiscreteLabModel {
    /** The scenario a new discrete window starts with: the picture under the uniform process. */
    static final DiscreteScenario DEFAULT = new DiscreteScenario("", "", DiscreteScenario.TargetSpec.preset("picture"),
            DiscreteProcess.UNIFORM, 4, "constant", StepSchedule.DEFAULT_DELTA, List.of("tau-leaping", "euler"), 32, 20_000, 1);
    /** Largest N the window offers (the CLI's sweep goes further). */
    static final int MAX_STEPS = 2048;

    /** What the heat map colours. */
    enum HeatSource {
        /** The exact forward marginal q_τ of the step. */
        FORWARD("q_τ (exact forward marginal)"),
        /** The sampler's exact law after the step. */
        SAMPLER("the sampler's exact law");

        private final String label;

        HeatSource(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final ObjectProperty<DiscreteScenario> scenario = new SimpleObjectProperty<>(DEFAULT);
    /** The run shown (null before the first run finishes). */
    final ObjectProperty<DiscreteRunResult> result = new SimpleObjectProperty<>();
    /** The displayed step k (0 = the start, τ = T … N = the output, τ = 0). */
    final IntegerProperty step = new SimpleIntegerProperty(0);
    /** The sampler whose heat map, bars and sentences are shown. */
    final IntegerProperty slot = new SimpleIntegerProperty(0);
    final ObjectProperty<HeatSource> heat = new SimpleObjectProperty<>(HeatSource.FORWARD);
    /** What the window says about the run (running, failed, cancelled, done). */
    final StringProperty message = new SimpleStringProperty("");

    /** Shows a finished run at its last step (the output). */
    void show(DiscreteRunResult r) {
        result.set(r);
        slot.set(Math.min(slot.get(), r.samplers().size() - 1));
        step.set(r.steps());
        message.set(String.format(Locale.ROOT, "done in %.1f s: %s", r.seconds(), nfeText(r)));
    }

    private static String nfeText(DiscreteRunResult r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < r.samplers().size(); i++) {
            parts.add(String.format(Locale.ROOT, "%s %.1f NFE/particle", r.samplers().get(i), r.nfePerParticle()[i]));
        }
        return String.join(", ", parts);
    }

    void setTarget(String preset) {
        edit(scenario.get().with(DiscreteScenario.TargetSpec.preset(preset), null, null, null, null, null, null, null));
    }

    /** Picks the process (its default horizon); samplers it does not support are dropped (τ-leaping if none is left). */
    void setProcess(DiscreteProcess p) {
        DiscreteScenario s = scenario.get();
        if (p == s.process()) {
            return;
        }
        List<String> kept = s.samplers().stream().filter(id -> DiscreteSamplers.of(id).supports(p)).toList();
        edit(s.with(null, p, null, null, kept.isEmpty() ? List.of("tau-leaping") : kept, null, null, null));
    }

    /** Turns a sampler on or off (one always stays; one the process does not support is refused). */
    void setSampler(String id, boolean on) {
        DiscreteScenario s = scenario.get();
        List<String> list = new ArrayList<>(s.samplers());
        if (on && !list.contains(id) && DiscreteSamplers.of(id).supports(s.process())) {
            List<String> order = DiscreteSamplers.ids();
            list.add(id);
            list.sort(java.util.Comparator.comparingInt(order::indexOf));
        } else if (!on && list.size() > 1) {
            list.remove(id);
        }
        edit(s.with(null, null, null, null, list, null, null, null));
    }

    void setSteps(int n) {
        edit(scenario.get().with(null, null, null, null, null, Math.max(1, Math.min(MAX_STEPS, n)), null, null));
    }

    void setHorizon(double t) {
        edit(scenario.get().with(null, null, t, null, null, null, null, null));
    }

    void setParticles(int n) {
        edit(scenario.get().with(null, null, null, null, null, null, n, null));
    }

    /** Loads a whole scenario (a file or a lecture), exactly as given. */
    void load(DiscreteScenario s) {
        slot.set(0);
        scenario.set(s);
    }

    private void edit(DiscreteScenario next) {
        DiscreteScenario s = scenario.get();
        if (!next.equals(s)) {
            // An edit drops the title and paragraph: they described the scenario as it was.
            scenario.set(new DiscreteScenario("", "", next.target(), next.process(), next.horizon(), next.schedule(), next.delta(),
                    next.samplers(), next.steps(), next.particles(), next.seed()));
        }
    }

    /** The frame on display, or null before a run. */
    DiscreteFrame frame() {
        DiscreteRunResult r = result.get();
        return r == null ? null : r.frame(slot.get(), step.get());
    }

    /** One line about the displayed step: where it is and its exact and measured errors. */
    String readout() {
        DiscreteRunResult r = result.get();
        DiscreteFrame f = frame();
        if (f == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s · step %d of %d · τ = %.4g · exact TV(law, q_τ) = %s · KL(q_τ ‖ law) = %s",
                r.samplers().get(Math.min(slot.get(), r.samplers().size() - 1)), f.step(), r.steps(), f.tau(), number(f.exactTv()),
                number(f.exactKl())));
        if (!Double.isNaN(f.particleTv())) {
            b.append(String.format(Locale.ROOT, " · particles' TV = %s (floor %s–%s)", number(f.particleTv()), number(f.floorMean()),
                    number(f.floorUpper())));
        }
        if (r.masking()) {
            b.append(String.format(Locale.ROOT, " · %.1f%% particles with a MASK", 100 * f.maskedParticles()));
        }
        return b.toString();
    }

    /** A number as the window writes it: 4 significant digits, ∞, or – when not computed. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
