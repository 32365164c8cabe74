package org.scorescope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.scorescope.io.TextInput;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;

/** Particles as CSV: one row per particle, coordinates first ({@code x0,x1,…}), flags after. */
public final class CsvParticles {
    private CsvParticles() {
    }

    /** The header {@code x0,…,x(d−1)}. */
    public static String coordinateHeader(int d) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < d; a++) {
            b.append(a == 0 ? "" : ",").append('x').append(a);
        }
        return b.toString();
    }

    /** Writes one particle's coordinates (shortest round-trip decimal form). */
    public static void writeCoordinates(BufferedWriter w, double[][] p, int i) throws IOException {
        for (int a = 0; a < p.length; a++) {
            if (a > 0) {
                w.write(',');
            }
            w.write(Double.toString(p[a][i]));
        }
    }

    /**
     * Reads initial particles for a {@code dim}-dimensional target (UTF-8, with or without a
     * byte-order mark; lines starting with '#' are comments, as in exports).
     *
     * <ul>
     * <li>Without a header every row has exactly {@code dim} numbers.</li>
     * <li>A first row that is not numbers is a header. Its leading columns named {@code x0, x1, …}
     * are the coordinates and must be exactly {@code dim} (further columns, such as the
     * {@code diverged} flag of {@code sample}'s output, are ignored); a header without such names
     * must have exactly {@code dim} columns. Every row has as many columns as the header.</li>
     * <li>Every coordinate is a finite number; at most {@link Scenario#MAX_PARTICLES} rows.</li>
     * </ul>
     *
     * @return positions[axis][i]
     */
    public static double[][] read(Path file, int dim) {
        double[][] cols = new double[dim][1024];
        int n = 0;
        int width = -1;
        try (TextInput.Lines lines = TextInput.lines(file, "--init")) {
            boolean first = true;
            for (String raw = lines.next(); raw != null; raw = lines.next()) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (first) {
                    first = false;
                    if (!numbers(parts)) {
                        width = header(parts, dim, file);
                        continue;
                    }
                }
                if (width < 0 && parts.length != dim) {
                    throw new ScenarioException("--init", where(file, lines) + " has " + parts.length + " column" + (parts.length == 1 ? "" : "s")
                            + "; the target is " + dim + "D, so each row needs " + dim + " (" + coordinateHeader(dim) + ")");
                }
                if (width >= 0 && parts.length != width) {
                    throw new ScenarioException("--init", where(file, lines) + " has " + parts.length + " columns; the header has " + width);
                }
                if (n == Scenario.MAX_PARTICLES) {
                    throw new ScenarioException("--init", "'" + file + "' has more than " + String.format(Locale.ROOT, "%,d", Scenario.MAX_PARTICLES)
                            + " particles, the most a run takes");
                }
                if (n == cols[0].length) {
                    for (int a = 0; a < dim; a++) {
                        cols[a] = Arrays.copyOf(cols[a], (int) Math.min(Scenario.MAX_PARTICLES, 2L * n));
                    }
                }
                for (int a = 0; a < dim; a++) {
                    double v;
                    try {
                        v = Double.parseDouble(parts[a].trim());
                    } catch (NumberFormatException e) {
                        throw new ScenarioException("--init", where(file, lines) + " column " + (a + 1) + " is not a number: '" + clip(parts[a]) + "'");
                    }
                    if (!Double.isFinite(v)) {
                        throw new ScenarioException("--init", where(file, lines) + " column " + (a + 1) + " is not finite: '" + clip(parts[a]) + "'");
                    }
                    cols[a][n] = v;
                }
                n++;
            }
        }
        if (n == 0) {
            throw new ScenarioException("--init", "'" + file + "' has no particles");
        }
        double[][] out = new double[dim][];
        for (int a = 0; a < dim; a++) {
            out[a] = Arrays.copyOf(cols[a], n);
        }
        return out;
    }

    private static boolean numbers(String[] parts) {
        for (String p : parts) {
            try {
                Double.parseDouble(p.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Checks a header; returns its number of columns. */
    private static int header(String[] parts, int dim, Path file) {
        int coordinates = 0;
        while (coordinates < parts.length && parts[coordinates].trim().equalsIgnoreCase("x" + coordinates)) {
            coordinates++;
        }
        if (coordinates == 0 && parts.length != dim) {
            throw new ScenarioException("--init", "'" + file + "' has a header of " + parts.length + " columns; the target is " + dim
                    + "D, so name them " + coordinateHeader(dim) + " (further columns are ignored)");
        }
        if (coordinates > 0 && coordinates != dim) {
            throw new ScenarioException("--init", "'" + file + "' has " + coordinates + " coordinate columns (" + coordinateHeader(coordinates)
                    + "); the target is " + dim + "D");
        }
        return parts.length;
    }

    private static String where(Path file, TextInput.Lines lines) {
        return "'" + file + "' line " + lines.number();
    }

    private static String clip(String s) {
        String t = s.trim();
        return t.length() > 40 ? t.substring(0, 37) + "…" : t;
    }

    /** Reads a grid file: one ᾱ per line, the output level first. */
    public static double[] readGrid(Path file) {
        double[] v = new double[16];
        int n = 0;
        try (TextInput.Lines lines = TextInput.lines(file, "--grid")) {
            for (String raw = lines.next(); raw != null; raw = lines.next()) {
                String s = raw.trim();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (n > Scenario.MAX_STEPS) {
                    throw new ScenarioException("--grid", "'" + file + "' has more than " + (Scenario.MAX_STEPS + 1) + " values (T at most "
                            + Scenario.MAX_STEPS + ")");
                }
                try {
                    if (n == v.length) {
                        v = Arrays.copyOf(v, 2 * n);
                    }
                    v[n] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new ScenarioException("--grid", where(file, lines) + " is not one number: '" + clip(s) + "' (one alpha-bar per line)");
                }
                n++;
            }
        }
        if (n < 2) {
            throw new ScenarioException("--grid", "'" + file + "' has " + n + " value" + (n == 1 ? "" : "s") + "; a grid needs T + 1 >= 2");
        }
        return Arrays.copyOf(v, n);
    }
}
