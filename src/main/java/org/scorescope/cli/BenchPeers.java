package org.scorescope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own peer programs for workload W1 ({@code bench/peers}, see its README): a NumPy
 * script and three C programs (a plain loop, the AVX-512 loop with ScoreScope's own exp and noise,
 * and {@code w1_limit}, the practical limit of issue 19), run on the same sizes in the same run as
 * ScoreScope. Each prints one
 * line per timed run: {@code … X M particle-steps/s, Y M per CPU-second}; the best of each is used.
 */
final class BenchPeers {
    private static final Pattern RATE = Pattern.compile("([0-9.]+) M particle-steps/s, ([0-9.]+) M per CPU-second");

    /** One peer's best figures (wall ≤ 0: it did not run, {@code note} says why). */
    record Result(String name, double wall, double cpu, String note) {
    }

    private BenchPeers() {
    }

    /** bench/peers in the working folder or one of its parents. */
    static Optional<Path> find() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++) {
            Path c = dir.resolve("bench/peers");
            if (Files.isRegularFile(c.resolve("w1_numpy.py"))) {
                return Optional.of(c.normalize());
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The C peers, in the order they are run and printed. */
    static final List<String> C_PEERS = List.of("w1_c", "w1_fast", "w1_limit");

    /**
     * Runs the NumPy script (unless {@code numpy} is false: it takes minutes at 1M particles) and
     * the C programs that are built ({@code make -C bench/peers}).
     */
    static List<Result> runAll(Path dir, int particles, int steps, int threads, int repeats, boolean numpy) {
        List<Result> out = new ArrayList<>();
        String n = Integer.toString(particles);
        String t = Integer.toString(steps);
        String r = Integer.toString(repeats);
        if (numpy) {
            out.add(run("numpy (w1_numpy.py)", List.of("python3", dir.resolve("w1_numpy.py").toString(), n, t, r), threads,
                    "python3 with NumPy did not run"));
        }
        for (String c : C_PEERS) {
            Path exe = dir.resolve(c);
            if (!Files.isExecutable(exe)) {
                out.add(new Result(c, 0, 0, "not built (make -C " + dir + ")"));
                continue;
            }
            out.add(run(c + " (" + threads + " threads)", List.of(exe.toString(), n, t, r), threads, "did not run"));
        }
        return out;
    }

    private static Result run(String name, List<String> cmd, int threads, String failure) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            pb.environment().put("OMP_WAIT_POLICY", "passive");
            Process proc = pb.start();
            double wall = 0;
            double cpu = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    Matcher m = RATE.matcher(line);
                    if (m.find()) {
                        wall = Math.max(wall, Double.parseDouble(m.group(1)));
                        cpu = Math.max(cpu, Double.parseDouble(m.group(2)));
                    }
                }
            }
            if (!proc.waitFor(30, TimeUnit.MINUTES) || proc.exitValue() != 0 || wall <= 0) {
                return new Result(name, 0, 0, failure);
            }
            return new Result(name, wall, cpu, "");
        } catch (IOException e) {
            return new Result(name, 0, 0, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(name, 0, 0, "interrupted");
        }
    }
}
