package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sweep --shard i/n} and {@code merge}: the shards partition the cells, the merged CSV is the
 * unsharded one byte for byte (four shards as four parallel processes, and through the Slurm array
 * script with its variables set by hand), and merge refuses what is not one complete sweep.
 */
class ShardMergeTest {
    /** 4 samplers × 6 T × 3 seeds on ring8 (issue 20, must-show 1). */
    private static final List<String> SWEEP = List.of("sweep", "--target", "ring8", "--samplers", "ddpm,ddim,accel-ddpm,heun",
            "--steps", "2,3,4,6,8,12", "--seeds", "3", "--particles", "1000", "--metric", "tv", "--threads", "1");
    /** A small sweep for the refusals: 2 × 2 × 2 = 8 cells. */
    private static final List<String> SMALL = List.of("sweep", "--target", "ring8", "--samplers", "ddpm,ddim", "--steps", "4,8",
            "--seeds", "2", "--particles", "500", "--threads", "1");

    @TempDir
    static Path dir;

    @BeforeAll
    static void smallShards() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, run(with(SMALL, "--shard", i + "/3", "--out", dir.resolve("s" + i + ".csv").toString())).code);
        }
        List<String> otherSeeds = new ArrayList<>(SMALL);
        otherSeeds.set(otherSeeds.indexOf("--seeds") + 1, "3");
        assertEquals(0, run(with(otherSeeds, "--shard", "3/3", "--out", dir.resolve("foreign3.csv").toString())).code);
    }

    @Test
    void lptPartitionHoldsEveryCellOnceAndIsBalanced() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] costs = new double[200];
        for (int k = 0; k < costs.length; k++) {
            costs[k] = 1 + rnd.nextInt(1000);
        }
        for (int n : new int[] {1, 3, 4, 16}) {
            List<int[]> parts = SweepShards.partition(costs, n);
            assertEquals(n, parts.size());
            int[] all = parts.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            assertArrayEquals(java.util.stream.IntStream.range(0, costs.length).toArray(), all);
            double total = Arrays.stream(costs).sum();
            double max = Arrays.stream(costs).max().orElseThrow();
            for (int[] p : parts) {
                double load = Arrays.stream(p).mapToDouble(k -> costs[k]).sum();
                // Greedy list scheduling: no shard exceeds the mean load by more than one cell.
                assertTrue(load <= total / n + max, "load " + load + " over " + (total / n + max));
            }
            assertEquals(parts.stream().map(Arrays::toString).toList(),
                    SweepShards.partition(costs, n).stream().map(Arrays::toString).toList(), "deterministic");
        }
        // Equal costs: LPT deals the cells round-robin by index.
        assertArrayEquals(new int[] {0, 3}, SweepShards.partition(new double[] {1, 1, 1, 1, 1}, 3).get(0));
    }

    @Test
    void fourShardsAsParallelProcessesMergeToTheUnshardedSweepByteForByte() throws Exception {
        Path d = Files.createDirectories(dir.resolve("procs"));
        Map<String, Process> procs = new java.util.LinkedHashMap<>();
        procs.put("whole", start(d, "whole", with(SWEEP, "--out", "whole.csv")));
        for (int i = 1; i <= 4; i++) {
            procs.put("shard" + i, start(d, "shard" + i, with(SWEEP, "--shard", i + "/4", "--out", "shard-" + i + ".csv")));
        }
        for (Map.Entry<String, Process> p : procs.entrySet()) {
            assertTrue(p.getValue().waitFor(240, TimeUnit.SECONDS), "process finished");
            assertEquals(0, p.getValue().exitValue(), () -> read(d.resolve("err-" + p.getKey() + ".log")));
        }
        assertEquals(0, start(d, "merge", List.of("merge", "merged.csv", "shard-3.csv", "shard-1.csv", "shard-4.csv", "shard-2.csv"))
                .waitFor());
        byte[] whole = Files.readAllBytes(d.resolve("whole.csv"));
        assertEquals(1 + 4 * 6 * 3, new String(whole, StandardCharsets.UTF_8).split("\n").length);
        assertArrayEquals(whole, Files.readAllBytes(d.resolve("merged.csv")));
        // Same summary (fitted orders) after the "wrote" line.
        List<String> wholeOut = Files.readAllLines(d.resolve("out-whole.log"));
        List<String> mergeOut = Files.readAllLines(d.resolve("out-merge.log"));
        assertTrue(wholeOut.size() > 4, String.join("\n", wholeOut));
        assertEquals(wholeOut.subList(1, wholeOut.size()), mergeOut.subList(1, mergeOut.size()));
        // Every shard did work: LPT over 72 cells gives each of 4 shards 18 ± a few.
        for (int i = 1; i <= 4; i++) {
            long rows = Files.readAllLines(d.resolve("shard-" + i + ".csv")).stream().filter(l -> !l.startsWith("#")).count() - 1;
            assertTrue(rows >= 12 && rows <= 24, "shard " + i + " has " + rows + " rows");
        }
    }

    @Test
    void theSlurmArrayScriptsRunTheShardsAndTheMergeWithTheVariablesSetByHand() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path script = repo.resolve("deploy/slurm/sweep-array.sh");
        Path bash = Path.of("/bin/bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "needs bash");
        Path d = Files.createDirectories(dir.resolve("slurm"));
        // The scripts run "$JAVA -jar $SCORESCOPE_JAR ..."; this stand-in runs the same main class from the test class path.
        Path java = d.resolve("java");
        Files.writeString(java, "#!/bin/sh\n[ \"$1\" = -jar ] && shift 2\nexec '" + javaBin() + "' -Xmx512m --add-modules jdk.incubator.vector "
                + "-Dscorescope.relaunch=false -Djava.awt.headless=true -cp '" + System.getProperty("java.class.path")
                + "' org.scorescope.Launcher \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        List<String> args = SMALL.subList(1, SMALL.size() - 2);
        List<Process> tasks = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            List<String> cmd = new ArrayList<>(List.of(bash.toString(), script.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true)
                    .redirectOutput(d.resolve("task-" + i + ".log").toFile());
            Map<String, String> env = pb.environment();
            env.put("SLURM_ARRAY_TASK_ID", Integer.toString(i));
            env.put("SLURM_ARRAY_TASK_COUNT", "2");
            env.put("SLURM_CPUS_PER_TASK", "1");
            env.put("STUDY_DIR", d.resolve("study").toString());
            env.put("SCORESCOPE_JAR", "unused.jar");
            env.put("JAVA", java.toString());
            tasks.add(pb.start());
        }
        for (Process t : tasks) {
            assertTrue(t.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, t.exitValue(), read(d.resolve("task-" + (tasks.indexOf(t) + 1) + ".log")));
        }
        assertTrue(Files.exists(d.resolve("study/shard-1-of-2.csv")) && Files.exists(d.resolve("study/shard-2-of-2.csv")));
        ProcessBuilder merge = new ProcessBuilder(bash.toString(), repo.resolve("deploy/slurm/merge.sh").toString()).directory(d.toFile())
                .redirectErrorStream(true).redirectOutput(d.resolve("merge.log").toFile());
        merge.environment().put("STUDY_DIR", d.resolve("study").toString());
        merge.environment().put("SHARDS", "2");
        merge.environment().put("JAVA", java.toString());
        Process m = merge.start();
        assertTrue(m.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, m.exitValue(), read(d.resolve("merge.log")));
        Path whole = dir.resolve("slurm-whole.csv");
        assertEquals(0, run(with(SMALL, "--out", whole.toString())).code);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(d.resolve("study/sweep.csv")));
    }

    @Test
    void mergeOfAllShardsInAnyOrderIsTheUnshardedSweep() throws IOException {
        Path whole = dir.resolve("small-whole.csv");
        assertEquals(0, run(with(SMALL, "--out", whole.toString())).code);
        Path merged = dir.resolve("small-merged.csv");
        assertEquals(0, run(List.of("merge", merged.toString(), s(2), s(3), s(1))).code);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(merged));
        assertTrue(Files.readString(dir.resolve("s1.csv")).startsWith("# scorescope sweep shard 1/3; fingerprint "));
    }

    @Test
    void mergeRefusesAMissingShard() {
        refused(List.of("merge", out("missing"), s(1), s(3)), "SHARD.csv: shard 2/3 of sweep ", "is missing (given: 1/3, 3/3)");
    }

    @Test
    void mergeRefusesADuplicatedShard() throws IOException {
        Path copy = Files.copy(dir.resolve("s2.csv"), dir.resolve("s2-again.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refused(List.of("merge", out("dup"), s(1), s(2), copy.toString(), s(3)), copy + ": is shard 2/3, and so is ", "give each shard once");
    }

    @Test
    void mergeRefusesAShardOfAnotherSweep() {
        String foreign = dir.resolve("foreign3.csv").toString();
        refused(List.of("merge", out("foreign"), s(1), s(2), foreign), foreign + ": a shard of another sweep (fingerprint ", "");
    }

    @Test
    void mergeRefusesMalformedAndIncompleteFiles() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.csv"), "sampler,steps\nddpm,4\n");
        refused(List.of("merge", out("m1"), s(1), s(2), text.toString()), text + ": not a sweep shard", "");
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("s3.csv")));
        lines.remove(lines.size() - 1);
        Path cut = Files.write(dir.resolve("cut.csv"), lines);
        refused(List.of("merge", out("m2"), s(1), s(2), cut.toString()), cut + ": holds ", "the shard is incomplete or was edited");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        refused(List.of("merge", out("m3"), s(1), s(2), empty.toString()), empty + ": the file is empty", "");
        String bad = Files.readString(dir.resolve("s3.csv")).replaceFirst("shard 3/3", "shard 4/3");
        Path badIndex = Files.writeString(dir.resolve("bad-index.csv"), bad);
        refused(List.of("merge", out("m4"), s(1), s(2), badIndex.toString()), badIndex + ": shard 4/3 is not a shard number", "");
        refused(List.of("merge", out("m5"), s(1), s(2), dir.resolve("nowhere.csv").toString()), dir.resolve("nowhere.csv").toString(), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "1/0", "x", "2/", "1/100001"})
    void sweepRefusesAShardThatIsNotIOfN(String shard) {
        refused(with(SMALL, "--shard", shard, "--out", out("bad-shard")), "--shard: ", "");
    }

    @Test
    void sweepRefusesMoreShardsThanCells() {
        refused(with(SMALL, "--shard", "1/9", "--out", out("too-many")), "--shard: n = 9 shards for a sweep of 8 cells", "");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String s(int i) {
        return dir.resolve("s" + i + ".csv").toString();
    }

    private static String out(String name) {
        return dir.resolve("out-" + name + ".csv").toString();
    }

    /** Exit 2, one line starting "error: " + prefix and containing part, and no output file. */
    private static void refused(List<String> args, String prefix, String part) {
        Result r = run(args);
        assertEquals(ScoreScopeCli.BAD_INPUT, r.code, r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), r.err);
        assertTrue(lines.get(0).startsWith("error: " + prefix), lines.get(0));
        assertTrue(lines.get(0).contains(part), lines.get(0));
        String outPath = args.get(args.indexOf("--out") >= 0 ? args.indexOf("--out") + 1 : 1);
        assertFalse(Files.exists(Path.of(outPath)), "nothing written");
    }

    private record Result(int code, String err) {
    }

    private static Result run(List<String> args) {
        StringWriter err = new StringWriter();
        int code = ScoreScopeCli.run(new PrintWriter(err, true), args.toArray(new String[0]));
        return new Result(code, err.toString());
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process start(Path d, String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "--add-modules", "jdk.incubator.vector", "-Dscorescope.relaunch=false",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.scorescope.Launcher"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(d.toFile()).redirectOutput(d.resolve("out-" + name + ".log").toFile())
                .redirectError(d.resolve("err-" + name + ".log").toFile()).start();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log " + p + ")";
        }
    }
}
