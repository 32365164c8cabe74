package org.scorescope.cli;

import org.scorescope.inverse.ObservationTask;
import org.scorescope.scenario.ObservationSpec;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * The observation flags of {@code sample}, {@code sweep} and {@code render} (issue 15): they set or
 * override the scenario's {@code "observation"}.
 */
public final class ObserveOptions {
    @Option(names = "--observe-A", paramLabel = "ROWS|TASK",
            description = "Observation matrix A, rows separated by ';' (\"1,0;0,1\"), or a task: inpaint-x, project[:deg], denoise, blur[:rank].")
    String a;

    @Option(names = "--observe-y", paramLabel = "Y|draw", description = "Observation y (\"1.5,0.2\"), or 'draw' to draw it from the prior with the seed.")
    String y;

    @Option(names = "--observe-sigma", paramLabel = "S", description = "Observation noise sigma > 0.")
    Double sigma;

    /** Whether any observation flag was given. */
    boolean given() {
        return a != null || y != null || sigma != null;
    }

    /**
     * The scenario with the flags applied: all three make a new observation; one or two change the
     * file's observation.
     *
     * @throws ScenarioException naming the flag
     */
    Scenario apply(Scenario s) {
        if (!given()) {
            return s;
        }
        ObservationSpec base = s.observation();
        if (base == null && (a == null || y == null || sigma == null)) {
            throw new ScenarioException(a == null ? "--observe-A" : y == null ? "--observe-y" : "--observe-sigma",
                    "is required: an observation needs --observe-A, --observe-y and --observe-sigma (or a scenario file with \"observation\")");
        }
        String task = base == null ? null : base.task();
        double[][] matrix = base == null ? null : base.a();
        if (a != null) {
            if (ObservationTask.isTask(a)) {
                task = a.trim();
                matrix = null;
            } else {
                task = null;
                matrix = matrix(a);
            }
        }
        double[] obs = base == null ? null : base.y();
        if (y != null) {
            obs = y.trim().equals("draw") ? null : vector(y, "--observe-y");
        }
        double sd = sigma != null ? sigma : base.sigma();
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new ScenarioException("--observe-sigma", "must be a finite number > 0, was " + sd);
        }
        Scenario out = s.withObservation(new ObservationSpec(task, matrix, obs, sd));
        try {
            org.scorescope.scenario.ScenarioBuilder.problem(out);
        } catch (ScenarioException e) {
            String flag = e.field().startsWith("observation.A") || e.field().equals("observation.task") ? "--observe-A"
                    : e.field().startsWith("observation.y") ? "--observe-y" : e.field().equals("observation.sigma") ? "--observe-sigma" : e.field();
            throw new ScenarioException(flag, e.getMessage().substring(e.field().length() + 2));
        }
        return out;
    }

    private static double[][] matrix(String text) {
        String[] rows = text.split(";");
        double[][] m = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            m[i] = vector(rows[i], "--observe-A");
        }
        return m;
    }

    private static double[] vector(String text, String flag) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ScenarioException(flag, "'" + parts[i].trim() + "' is not a number (write rows as \"1,0;0,1\", vectors as \"1.5,0.2\")");
            }
            if (!Double.isFinite(v[i])) {
                throw new ScenarioException(flag, "entries must be finite, was " + parts[i].trim());
            }
        }
        return v;
    }
}
