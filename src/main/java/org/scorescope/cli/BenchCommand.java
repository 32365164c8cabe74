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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scorescope.engine.Engine;
import org.scorescope.engine.RunSpec;
import org.scorescope.engine.SamplerSlot;
import org.scorescope.sampler.DdpmSampler;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.distribution.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: workload W1 of {@code shared/bench} (DDPM, 001 eq. 10, on {@code ring8}, linear
 * schedule subsampled to T steps, fresh noise every step), timed over the steps only, after a
 * warm-up run; then the NumPy peer on the same sizes in the same run when python3 with NumPy is
 * present, and the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Workload W1 (DDPM on ring8): particle-steps per second, and the ratio to the NumPy peer.")
public final class BenchCommand implements Callable<Integer> {
    private static final Pattern RATE = Pattern.compile("([0-9.]+) M particle-steps/s");

    @Option(names = "--particles", defaultValue = "1000000", paramLabel = "N", description = "Particles (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--steps", defaultValue = "20", paramLabel = "T", description = "Steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", paramLabel = "P", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "R", description = "Timed runs; the best is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--peer", paramLabel = "FILE", description = "The NumPy peer script (default: shared/bench/gmm_numpy.py beside or above the working folder).")
    Path peer;

    @Option(names = "--no-peer", description = "Do not run the NumPy peer.")
    boolean noPeer;

    @Override
    public Integer call() throws Exception {
        if (particles < 1 || particles > 50_000_000) {
            throw new ScenarioException("--particles", "must be in 1..50000000, was " + particles);
        }
        if (steps < 1 || steps > 999) {
            throw new ScenarioException("--steps", "must be in 1..999, was " + steps);
        }
        if (repeats < 1 || repeats > 100) {
            throw new ScenarioException("--repeats", "must be in 1..100, was " + repeats);
        }
        int p = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (p < 1 || p > 256) {
            throw new ScenarioException("--threads", "must be in 1..256, was " + p);
        }
        double ours = measure(particles, steps, p, repeats);
        System.out.printf("scorescope W1 N=%d T=%d threads=%d: %.2f M particle-steps/s%n", particles, steps, p, ours);
        if (noPeer) {
            return 0;
        }
        Optional<Path> script = peer != null ? Optional.of(peer) : findPeer();
        if (script.isEmpty() || !Files.isRegularFile(script.get())) {
            System.out.println("numpy peer: not found (looked for shared/bench/gmm_numpy.py); no ratio");
            return 0;
        }
        Optional<Double> numpy = runPeer(script.get(), particles, steps);
        if (numpy.isEmpty()) {
            System.out.println("numpy peer: python3 with NumPy did not run; no ratio");
            return 0;
        }
        System.out.printf("numpy W1 N=%d T=%d: %.2f M particle-steps/s%n", particles, steps, numpy.get());
        System.out.printf("ratio: %.1fx NumPy%n", ours / numpy.get());
        return 0;
    }

    /** The best particle-steps per second (in millions) over the timed runs. */
    static double measure(int particles, int steps, int threads, int repeats) {
        Grid grid = DiscreteSchedule.linear().grid(steps);
        var target = Presets.get("ring8");
        double best = 0;
        try (Engine engine = new Engine(threads)) {
            engine.run(RunSpec.of(target, DiscreteSchedule.linear().grid(5), List.of(SamplerSlot.of(new DdpmSampler())),
                    Math.min(particles, 200_000), 99), null);
            for (int r = 0; r < repeats; r++) {
                long[] started = new long[1];
                long[] ended = new long[1];
                engine.run(RunSpec.of(target, grid, List.of(SamplerSlot.of(new DdpmSampler())), particles, r + 1), v -> {
                    if (v.t() == steps) {
                        started[0] = System.nanoTime();
                    }
                    if (v.t() == 0) {
                        ended[0] = System.nanoTime();
                    }
                });
                double seconds = (ended[0] - started[0]) * 1e-9;
                best = Math.max(best, (double) particles * steps / seconds / 1e6);
            }
        }
        return best;
    }

    private static Optional<Path> findPeer() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++) {
            for (Path c : List.of(dir.resolve("shared/bench/gmm_numpy.py"), dir.resolve("../shared/bench/gmm_numpy.py"))) {
                if (Files.isRegularFile(c)) {
                    return Optional.of(c.normalize());
                }
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    private static Optional<Double> runPeer(Path script, int particles, int steps) {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), Integer.toString(particles), Integer.toString(steps)));
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    out.append(line).append('\n');
                }
            }
            if (!proc.waitFor(30, TimeUnit.MINUTES) || proc.exitValue() != 0) {
                return Optional.empty();
            }
            Matcher m = RATE.matcher(out);
            return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
