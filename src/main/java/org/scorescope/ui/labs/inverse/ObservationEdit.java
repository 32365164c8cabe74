package org.scorescope.ui.labs.inverse;

import java.util.ArrayList;
import java.util.List;
import org.scorescope.distribution.Target;
import org.scorescope.inverse.InverseProblem;
import org.scorescope.inverse.ObservationTask;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.ObservationSpec;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;

/**
 * The edits the inverse-problems lab makes to a scenario's observation (issue 15), as pure functions
 * of the scenario: no JavaFX, so they are tested without a window. Every edit keeps the rest of the
 * scenario (title, samplers, T, N, seed); {@link #checked} validates the result through the one
 * validation layer and builds the exact posterior, so a bad observation is refused with a message
 * naming the field and the scenario is not changed.
 */
public final class ObservationEdit {
    /** The tasks the picker offers ("off" removes the observation). */
    public static final List<String> TASKS = List.of("off", "inpaint-x", "project", "denoise", "blur", "blur:1");

    /** The samplers compared side by side on the same noise: the ideal reference, the seed's sampler and the three baselines. */
    public static final List<String> COMPARED = List.of("posterior-exact", "snr-split", "dps", "ddrm", "ddnm");

    /** σ when an observation is switched on. */
    public static final double DEFAULT_SIGMA = 0.2;

    private ObservationEdit() {
    }

    /**
     * The scenario with another observation (null: none). The title and paragraph are dropped, as the
     * window drops them when the target or the samplers change: they described the old observation.
     */
    static Scenario withObservation(Scenario s, ObservationSpec o) {
        if (java.util.Objects.equals(o, s.observation())) {
            return s;
        }
        return new Scenario("", "", s.target(), s.schedule(), s.samplers(), s.steps(), s.particles(), s.seed(), s.guidance(), o);
    }

    /**
     * The scenario observing the point {@code x} through {@code task}: y = A x (what a noiseless
     * measurement of x would give), σ kept (or {@link #DEFAULT_SIGMA}); "off" removes the observation.
     */
    public static Scenario observe(Scenario s, String task, double[] x) {
        if (task.equals("off")) {
            return withObservation(s, null);
        }
        double sigma = s.observation() != null ? s.observation().sigma() : DEFAULT_SIGMA;
        double[][] a = ObservationTask.matrix(task, x.length);
        return withObservation(s, new ObservationSpec(task, null, multiply(a, x), sigma));
    }

    /** The same observation with y = A x for a clicked point x (the task or matrix kept). */
    public static Scenario atPoint(Scenario s, double[] x) {
        ObservationSpec o = s.observation();
        if (o == null) {
            return s;
        }
        return withObservation(s, new ObservationSpec(o.task(), o.a(), multiply(o.matrix(x.length), x), o.sigma()));
    }

    /** The same observation with another y. */
    public static Scenario withY(Scenario s, double[] y) {
        ObservationSpec o = s.observation();
        return o == null ? s : withObservation(s, new ObservationSpec(o.task(), o.a(), y, o.sigma()));
    }

    /** The same observation with y drawn from the prior with the scenario's seed. */
    public static Scenario drawnY(Scenario s) {
        return withY(s, null);
    }

    /** The same observation with another σ. */
    public static Scenario withSigma(Scenario s, double sigma) {
        ObservationSpec o = s.observation();
        return o == null ? s : withObservation(s, new ObservationSpec(o.task(), o.a(), o.y(), sigma));
    }

    /** The compared samplers ({@link #COMPARED}), the observation and the rest kept. */
    public static Scenario compared(Scenario s) {
        List<Scenario.SamplerSpec> list = new ArrayList<>();
        for (String id : COMPARED) {
            list.add(Scenario.SamplerSpec.of(id));
        }
        return s.with(null, null, list, null, null, null);
    }

    /** The scenario without the samplers that need an observation (when it is switched off); ddpm when none is left. */
    public static Scenario withoutInverseSamplers(Scenario s) {
        List<Scenario.SamplerSpec> kept = s.samplers().stream().filter(sp -> !SamplerRegistry.needsObservation(sp.id())).toList();
        if (kept.size() == s.samplers().size()) {
            return s;
        }
        return s.with(null, null, kept.isEmpty() ? List.of(Scenario.SamplerSpec.of("ddpm")) : kept, null, null, null);
    }

    /**
     * Validates a candidate scenario completely (as a file would be) and returns its exact posterior.
     * Off the FX thread: it builds the target, the grid, the samplers and the posterior.
     *
     * @return the problem, or null when the scenario has no observation
     * @throws ScenarioException naming the bad field ({@code observation.y}, {@code observation.sigma}, …)
     */
    public static InverseProblem checked(Scenario s) {
        ScenarioBuilder.validate(s);
        return ScenarioBuilder.problem(s);
    }

    /** The prior of a scenario (its target). */
    public static Target prior(Scenario s) {
        return ScenarioBuilder.target(s.target());
    }

    /** y written as the y field shows it: "2.5" or "1.5, 0.2"; "" for none. */
    public static String format(double[] y) {
        if (y == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            b.append(i == 0 ? "" : ", ").append(trim(y[i]));
        }
        return b.toString();
    }

    /**
     * Parses the y field.
     *
     * @throws ScenarioException naming {@code observation.y} for text that is not a list of numbers
     */
    public static double[] parse(String text) {
        String[] parts = text.split("[,;\\s]+");
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(p.trim()));
            } catch (NumberFormatException e) {
                throw new ScenarioException("observation.y", "'" + p.trim() + "' is not a number (write y as \"2.5\" or \"1.5, 0.2\")");
            }
        }
        if (out.isEmpty()) {
            throw new ScenarioException("observation.y", "give y as numbers, e.g. \"2.5\" or \"1.5, 0.2\"");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String trim(double v) {
        double r = Math.round(v * 1e4) / 1e4;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
            y[i] = Math.round(y[i] * 1e4) / 1e4;
        }
        return y;
    }
}
