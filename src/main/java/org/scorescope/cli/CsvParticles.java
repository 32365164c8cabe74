package org.scorescope.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * Reads initial particles: the first {@code dim} columns of each row; a first row that does not
     * parse as numbers is a header; lines starting with '#' are comments (exports name their scenario
     * there).
     *
     * @return positions[axis][i]
     */
    public static double[][] read(Path file, int dim) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ScenarioException("--init", "cannot read '" + file + "': " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length < dim) {
                throw new ScenarioException("--init", "line " + (ln + 1) + " has " + parts.length + " columns; the target needs " + dim);
            }
            double[] row = new double[dim];
            try {
                for (int a = 0; a < dim; a++) {
                    row[a] = Double.parseDouble(parts[a].trim());
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && ln == firstNonEmpty(lines)) {
                    continue;
                }
                throw new ScenarioException("--init", "line " + (ln + 1) + " is not numbers: '" + line + "'");
            }
            for (int a = 0; a < dim; a++) {
                if (!Double.isFinite(row[a])) {
                    throw new ScenarioException("--init", "line " + (ln + 1) + " has a value that is not finite");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new ScenarioException("--init", "'" + file + "' has no particles");
        }
        double[][] out = new double[dim][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int a = 0; a < dim; a++) {
                out[a][i] = rows.get(i)[a];
            }
        }
        return out;
    }

    private static int firstNonEmpty(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).trim().startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    /** Reads a grid file: one ᾱ per line, the output level first. */
    public static double[] readGrid(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ScenarioException("--grid", "cannot read '" + file + "': " + e.getMessage());
        }
        List<Double> v = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String s = lines.get(ln).trim();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                v.add(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                throw new ScenarioException("--grid", "line " + (ln + 1) + " is not a number: '" + s + "'");
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
