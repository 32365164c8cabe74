package org.scorescope.inverse;

import java.util.List;

/**
 * The named observation matrices of the inverse-problems lab (issue 15): the common tasks in 2D,
 * written as {@code name} or {@code name:parameter}.
 * <ul>
 * <li>{@code inpaint-x}: A = [1 0 … 0], the first coordinate is observed, the rest is missing.</li>
 * <li>{@code project} or {@code project:θ}: A = [cos θ, sin θ] (2D), θ in degrees, default
 * {@value #DEFAULT_PROJECT_DEGREES}°.</li>
 * <li>{@code denoise}: A = I_d.</li>
 * <li>{@code blur} or {@code blur:2}: A = [[¾ ¼], [¼ ¾]], a 2 × 2 blur of full rank with singular values 1
 * and ½ (two observed directions with different critical times); {@code blur:1}: A = [½ ½], the
 * averaging (super-resolution) row of rank 1.</li>
 * </ul>
 */
public final class ObservationTask {
    /** θ of {@code project} when none is given. */
    public static final double DEFAULT_PROJECT_DEGREES = 30;

    /** The task names. */
    public static final List<String> NAMES = List.of("inpaint-x", "project", "denoise", "blur");

    private ObservationTask() {
    }

    /** Whether a string names a task (with or without its parameter) rather than a matrix. */
    public static boolean isTask(String s) {
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        return NAMES.contains(name.trim());
    }

    /**
     * The matrix of a task in dimension d.
     *
     * @throws ObservationException (field {@code task}) for an unknown name, a bad parameter, or a task
     *     that needs d = 2
     */
    public static double[][] matrix(String task, int d) {
        String t = task.trim();
        String name = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
        String param = t.contains(":") ? t.substring(t.indexOf(':') + 1).trim() : null;
        switch (name) {
            case "inpaint-x": {
                noParameter(name, param);
                double[][] a = new double[1][d];
                a[0][0] = 1;
                return a;
            }
            case "denoise": {
                noParameter(name, param);
                double[][] a = new double[d][d];
                for (int i = 0; i < d; i++) {
                    a[i][i] = 1;
                }
                return a;
            }
            case "project": {
                needsPlane(name, d);
                double deg = param == null ? DEFAULT_PROJECT_DEGREES : number(name, param);
                double th = Math.toRadians(deg);
                return new double[][] {{Math.cos(th), Math.sin(th)}};
            }
            case "blur": {
                needsPlane(name, d);
                double rank = param == null ? 2 : number(name, param);
                if (rank == 1) {
                    return new double[][] {{0.5, 0.5}};
                }
                if (rank == 2) {
                    return new double[][] {{0.75, 0.25}, {0.25, 0.75}};
                }
                throw new ObservationException("task", "blur takes rank 1 or 2 ('blur:1', 'blur:2'), was '" + param + "'");
            }
            default:
                throw new ObservationException("task", "unknown task '" + name + "'; allowed: " + String.join(", ", NAMES)
                        + " (or give the matrix A)");
        }
    }

    private static void noParameter(String name, String param) {
        if (param != null) {
            throw new ObservationException("task", name + " takes no parameter, was '" + name + ":" + param + "'");
        }
    }

    private static void needsPlane(String name, int d) {
        if (d != 2) {
            throw new ObservationException("task", name + " is defined in 2D; the target has dimension " + d + " (give the matrix A)");
        }
    }

    private static double number(String name, String param) {
        try {
            double v = Double.parseDouble(param);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ObservationException("task", name + "'s parameter must be a number, was '" + param + "'");
    }
}
