package org.scorescope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import org.scorescope.io.AtomicFile;
import org.scorescope.io.BadInputException;
import org.scorescope.io.OutputSession;
import org.scorescope.io.TextInput;
import org.scorescope.metrics.Divergence;
import org.scorescope.metrics.RateStudy;
import org.scorescope.metrics.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code merge OUT.csv SHARD.csv...}: joins the shard files of {@code sweep --shard i/n} into the
 * CSV the unsharded sweep writes, byte for byte, and prints the same summary (fitted orders).
 * Refuses, with exit code 2, one line naming the file and nothing written: a file that is not a
 * shard or is incomplete, a shard of another sweep (fingerprint), a shard given twice, a missing
 * shard, shards that do not partition the sweep's cells.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the shard files of `sweep --shard i/n` (all n of them) into the unsharded sweep's CSV and print its fitted orders.")
public final class MergeCommand implements Callable<Integer> {
    /** A shard file is at most this large (a sweep row is about 150 bytes). */
    static final long MAX_SHARD_BYTES = 256L << 20;
    private static final int COLUMNS = Sweep.Row.COLUMNS.split(",").length;

    @Parameters(index = "0", paramLabel = "OUT.csv", description = "The merged CSV; - writes to standard output.")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD.csv", description = "The shard files, all n of them, in any order.")
    List<Path> shards;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    /** One shard file, checked on its own. */
    record ShardFile(Path path, int index, int count, String fingerprint, int[] cells, int total, String outputLevel,
            Map<Integer, Divergence> divergences, List<String> rows) {
        String name() {
            return path.toString();
        }
    }

    @Override
    public Integer call() {
        PrintStream report = OutputSession.isStdout(out) ? System.err : System.out;
        Runnable summary;
        try (OutputSession session = OutputSession.open(force ? OutputSession.Existing.REPLACE : OutputSession.Existing.REFUSE)) {
            for (Path p : shards) {
                session.input(p, "SHARD.csv");
            }
            session.claim(out, "OUT.csv");
            List<ShardFile> files = new ArrayList<>();
            for (Path p : shards) {
                files.add(read(p));
            }
            String[] rows = merged(files);
            AtomicFile.write(out, w -> {
                w.write(Sweep.Row.COLUMNS + "\n");
                for (String r : rows) {
                    w.write(r + "\n");
                }
            });
            summary = () -> {
                report.println("wrote " + SampleCommand.shown(out) + " (" + rows.length + " rows from " + files.size() + " shards)");
                for (String line : summary(files.get(0).outputLevel(), rows, divergences(files))) {
                    report.println(line);
                }
            };
            session.commit();
        }
        summary.run();
        return 0;
    }

    /** Reads and checks one shard file. */
    static ShardFile read(Path p) {
        String name = p.toString();
        String text = TextInput.read(p, name, MAX_SHARD_BYTES);
        if (text.isEmpty()) {
            throw new BadInputException(name, "the file is empty; a shard file is written by sweep --shard i/n");
        }
        String[] lines = text.split("\n", -1);
        if (!lines[lines.length - 1].isEmpty()) {
            throw new BadInputException(name, "the last line is cut off (no line end); the shard is incomplete");
        }
        Matcher m = SweepShards.SHARD_LINE.matcher(lines[0]);
        if (!m.matches()) {
            throw new BadInputException(name, "not a sweep shard: the first line must be '# scorescope sweep shard i/n; fingerprint …; "
                    + "cells … of …' as sweep --shard i/n writes it");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) {
            throw new BadInputException(name, "shard " + i + "/" + n + " is not a shard number (1 ≤ i ≤ n)");
        }
        int total = Integer.parseInt(m.group(5));
        int[] cells = cellList(m.group(4), total, name);
        int line = 1;
        if (line >= lines.length || !lines[line].startsWith(SweepShards.OUTPUT_LEVEL)) {
            throw new BadInputException(name, "line 2 must be '" + SweepShards.OUTPUT_LEVEL.trim() + " …' as sweep --shard writes it");
        }
        String outputLevel = lines[line++].substring(SweepShards.OUTPUT_LEVEL.length());
        Map<Integer, Divergence> divergences = new HashMap<>();
        java.util.Set<Integer> mine = java.util.Arrays.stream(cells).boxed().collect(java.util.stream.Collectors.toSet());
        while (line < lines.length && lines[line].startsWith(SweepShards.DIVERGENCE)) {
            String rest = lines[line].substring(SweepShards.DIVERGENCE.length());
            int colon = rest.indexOf(": ");
            try {
                int cell = Integer.parseInt(rest.substring(0, Math.max(colon, 0)));
                if (!mine.contains(cell)) {
                    throw new IllegalArgumentException("cell " + cell + " is not one of this shard's");
                }
                divergences.put(cell, SweepShards.divergence(rest.substring(colon + 2)));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new BadInputException(name, "line " + (line + 1) + ": malformed divergence line (" + e.getMessage() + ")");
            }
            line++;
        }
        if (line >= lines.length || !lines[line].equals(Sweep.Row.COLUMNS)) {
            throw new BadInputException(name, "line " + (line + 1) + " must be sweep's header '" + Sweep.Row.COLUMNS + "'");
        }
        line++;
        List<String> rows = new ArrayList<>();
        for (; line < lines.length - 1; line++) {
            int columns = lines[line].split(",", -1).length;
            if (columns != COLUMNS) {
                throw new BadInputException(name, "line " + (line + 1) + " has " + columns + " columns; sweep's rows have " + COLUMNS);
            }
            try {
                Sweep.Metric.of(row(lines[line], null).metric());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(name, "line " + (line + 1) + " is not a sweep row (" + e.getMessage() + ")");
            }
            rows.add(lines[line]);
        }
        if (rows.size() != cells.length) {
            throw new BadInputException(name, "holds " + rows.size() + " rows but its first line lists " + cells.length
                    + " cells; the shard is incomplete or was edited");
        }
        return new ShardFile(p, i, n, m.group(3), cells, total, outputLevel, divergences, rows);
    }

    private static int[] cellList(String list, int total, String name) {
        if (list.isEmpty()) {
            return new int[0];
        }
        String[] parts = list.split(",", -1);
        int[] cells = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                cells[k] = Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                throw new BadInputException(name, "malformed cell list in the first line ('" + parts[k] + "' is not a cell number)");
            }
            if (cells[k] >= total || (k > 0 && cells[k] <= cells[k - 1])) {
                throw new BadInputException(name, "malformed cell list in the first line (cells must increase and be below " + total + ")");
            }
        }
        return cells;
    }

    /** The rows of all shards in the unsharded order, after the checks across files. */
    static String[] merged(List<ShardFile> files) {
        ShardFile first = files.get(0);
        Map<Integer, ShardFile> byIndex = new TreeMap<>();
        for (ShardFile f : files) {
            if (!f.fingerprint().equals(first.fingerprint())) {
                throw new BadInputException(f.name(), "a shard of another sweep (fingerprint " + f.fingerprint() + ", while " + first.name()
                        + " has " + first.fingerprint() + "); merge only the shards of one sweep");
            }
            if (f.count() != first.count()) {
                throw new BadInputException(f.name(), "is shard " + f.index() + "/" + f.count() + " but " + first.name() + " is shard "
                        + first.index() + "/" + first.count() + "; merge the shards of one --shard i/n run");
            }
            if (f.total() != first.total()) {
                throw new BadInputException(f.name(), "lists cells of a sweep of " + f.total() + " cells, " + first.name() + " of "
                        + first.total() + "; the file was edited");
            }
            ShardFile twice = byIndex.put(f.index(), f);
            if (twice != null) {
                throw new BadInputException(f.name(), "is shard " + f.index() + "/" + f.count() + ", and so is " + twice.name()
                        + "; give each shard once");
            }
        }
        for (int i = 1; i <= first.count(); i++) {
            if (!byIndex.containsKey(i)) {
                List<String> given = byIndex.keySet().stream().map(k -> k + "/" + first.count()).toList();
                throw new BadInputException("SHARD.csv", "shard " + i + "/" + first.count() + " of sweep " + first.fingerprint()
                        + " is missing (given: " + String.join(", ", given) + ")");
            }
        }
        String[] rows = new String[first.total()];
        ShardFile[] holder = new ShardFile[first.total()];
        for (ShardFile f : byIndex.values()) {
            for (int k = 0; k < f.cells().length; k++) {
                int cell = f.cells()[k];
                if (holder[cell] != null) {
                    throw new BadInputException(f.name(), "holds cell " + cell + ", as does " + holder[cell].name()
                            + "; the shards do not partition one sweep");
                }
                holder[cell] = f;
                rows[cell] = f.rows().get(k);
            }
        }
        for (int cell = 0; cell < rows.length; cell++) {
            if (rows[cell] == null) {
                throw new BadInputException("SHARD.csv", "no shard holds cell " + cell + " of sweep " + first.fingerprint()
                        + "; the shards do not partition one sweep");
            }
        }
        return rows;
    }

    private static Map<Integer, Divergence> divergences(List<ShardFile> files) {
        Map<Integer, Divergence> all = new HashMap<>();
        files.forEach(f -> all.putAll(f.divergences()));
        return all;
    }

    /** The summary {@code sweep} prints, from the merged rows. */
    static List<String> summary(String outputLevel, String[] rows, Map<Integer, Divergence> divergences) {
        List<Sweep.Row> parsed = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            parsed.add(row(rows[k], divergences.get(k)));
        }
        Sweep.Metric metric = Sweep.Metric.of(parsed.get(0).metric());
        RateStudy.Result result = new RateStudy.Result(RateStudy.curves(parsed, Map.of()), metric, outputLevel, parsed, List.of());
        return RateStudy.summary(result);
    }

    /** A row of sweep's CSV ({@link Sweep.Row#csvRow}) read back. */
    static Sweep.Row row(String csv, Divergence divergence) {
        String[] c = csv.split(",", -1);
        double nfeMean = Double.parseDouble(c[2]);
        return new Sweep.Row(c[0], Integer.parseInt(c[1]), (long) Math.floor(nfeMean), c[3].isEmpty() ? -1 : Long.parseLong(c[3]),
                c[4].isEmpty() ? -1 : Integer.parseInt(c[4]), c[5], Double.parseDouble(c[6]), c[7].isEmpty() ? Double.NaN : Double.parseDouble(c[7]),
                divergence, Double.parseDouble(c[9]), nfeMean, Long.parseLong(c[10]), Long.parseLong(c[11]));
    }
}
