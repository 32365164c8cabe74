package org.scorescope.cli;

import org.scorescope.inverse.ObservationTask;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioInput;
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
     * Sets the flags' fields of the scenario's {@code "observation"} (flags win over the file's; all
     * three make an observation for a file without one). The one validation of the scenario then
     * checks them, naming the flag.
     *
     * @throws ScenarioException naming the flag for a value that is not a number list
     */
    void apply(ScenarioInput in) {
        if (!given()) {
            return;
        }
        String advice = "an observation needs --observe-A, --observe-y and --observe-sigma (or a scenario file with \"observation\")";
        in.whenMissing("observation.A", "--observe-A", "is required: " + advice)
                .whenMissing("observation.y", "--observe-y", "is required: " + advice)
                .whenMissing("observation.sigma", "--observe-sigma", "is required: " + advice);
        if (a != null) {
            boolean task = ObservationTask.isTask(a);
            in.set("observation.task", task ? a.trim() : null, "--observe-A");
            in.set("observation.A", task ? null : matrix(a), "--observe-A");
        }
        if (y != null) {
            in.set("observation.y", y.trim().equals("draw") ? "draw" : vector(y, "--observe-y"), "--observe-y");
        }
        if (sigma != null) {
            in.set("observation.sigma", sigma, "--observe-sigma");
        }
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
        }
        return v;
    }
}
