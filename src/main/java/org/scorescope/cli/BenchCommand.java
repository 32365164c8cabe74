package org.scorescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scorescope.distribution.BoxMixture;
import org.scorescope.distribution.GaussianMixture;
import org.scorescope.distribution.Presets;
import org.scorescope.distribution.Target;
import org.scorescope.engine.Engine;
import org.scorescope.sampler.DdpmSampler;
import org.scorescope.sampler.SamplerRegistry;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.schedule.DiscreteSchedule;
import org.scorescope.schedule.Grid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: speed as same-run figures.
 *
 * <ul>
 * <li>Default: workload W1 (DDPM, 001 eq. 10, on {@code ring8}, linear schedule subsampled to T
 * steps, fresh noise every step), timed over the steps only after warm-up runs of the same size;
 * then the project's own peers ({@code bench/peers}: NumPy, plain C, vectorised C and the
 * practical-limit C loop {@code w1_limit}) on the same sizes in the same run, and the ratios.</li>
 * <li>{@code --sampler ID,…|all} and/or {@code --target ID,…|all}: each sampler on each target,
 * M particle-NFE per second and the ratio to {@code ddim-exact} on the same target in the same run.</li>
 * <li>{@code --frames}: GC pauses while the window's frame recorder records runs ({@link BenchFrames}).</li>
 * <li>{@code --score-only}: the score alone, CPU nanoseconds per particle per target, and its ratio
 * to {@code ring8} against the budget 2·max(1, K/8).</li>
 * </ul>
 * Rates are given per wall second and per CPU second of the JVM's Java threads ({@link BenchTimer});
 * on a machine shared with other work the CPU figure is the one to compare.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Speed, as figures taken in the same run.",
            "Default: workload W1 (DDPM on ring8) against the peers in bench/peers (NumPy, C).",
            "--sampler/--target: particle-NFE/s per sampler and target, ratio to ddim-exact.",
            "--score-only: score cost per particle per target, ratio to ring8.",
            "--frames: GC pauses while the window's frame recorder records runs (--steps 100 --repeats 2)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--particles", defaultValue = "1000000", paramLabel = "N", description = "Particles (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--steps", defaultValue = "20", paramLabel = "T", description = "Steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", paramLabel = "P", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "R", description = "Timed runs; best and spread are reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "W", description = "Untimed runs of the same size first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sampler", split = ",", paramLabel = "ID", description = "Samplers to time (registry ids, or all).")
    List<String> samplers;

    @Option(names = "--target", split = ",", paramLabel = "ID", description = "Targets to time (preset ids, or all).")
    List<String> targets;

    @Option(names = "--frames", description = "GC pauses while the window's frame recorder records runs of the samplers "
            + "(default ddpm,ddim-exact,dpmpp-2m,heun) on the first target, T from --steps, --repeats runs.")
    boolean frames;

    @Option(names = "--score-only", description = "Time the score alone, per target.")
    boolean scoreOnly;

    @Option(names = "--peers", paramLabel = "DIR", description = "Folder of the peer programs (default: bench/peers in or above the working folder).")
    Path peers;

    @Option(names = "--no-peer", description = "Do not run the peers.")
    boolean noPeer;

    @Option(names = "--no-numpy", description = "Run only the C peers (NumPy takes minutes at 1M particles).")
    boolean noNumpy;

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
        if (warmup < 0 || warmup > 100) {
            throw new ScenarioException("--warmup", "must be in 0..100, was " + warmup);
        }
        int p = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (p < 1 || p > 256) {
            throw new ScenarioException("--threads", "must be in 1..256, was " + p);
        }
        List<String> targetIds = ids("--target", targets, Presets.ids(), List.of("ring8"));
        List<String> samplerIds = ids("--sampler", samplers, SamplerRegistry.ids(), List.of("ddpm"));
        if (frames) {
            List<String> ids = samplers == null ? List.of("ddpm", "ddim-exact", "dpmpp-2m", "heun") : samplerIds;
            BenchFrames.run(targetIds.get(0), Presets.get(targetIds.get(0)), grid(), ids, particles, p, repeats);
            return 0;
        }
        if (scoreOnly) {
            scoreTable(targetIds);
            return 0;
        }
        if (samplers != null || targets != null) {
            samplerTable(samplerIds, targetIds, p);
            return 0;
        }
        w1(p);
        return 0;
    }

    private static List<String> ids(String flag, List<String> given, List<String> allowed, List<String> dflt) {
        if (given == null || given.isEmpty()) {
            return dflt;
        }
        if (given.size() == 1 && "all".equals(given.get(0))) {
            return allowed;
        }
        for (String id : given) {
            if (!allowed.contains(id)) {
                throw new ScenarioException(flag, "unknown id '" + id + "'; allowed: all, " + String.join(", ", allowed));
            }
        }
        return given;
    }

    private Grid grid() {
        return DiscreteSchedule.linear().grid(steps);
    }

    /** Workload W1 and the peers. */
    private void w1(int p) {
        BenchTimer.Rates ours;
        try (Engine engine = new Engine(p)) {
            ours = BenchTimer.time(engine, Presets.get("ring8"), grid(), new DdpmSampler(), particles, warmup, repeats, true);
        }
        System.out.printf("scorescope W1 N=%d T=%d threads=%d: %s M particle-steps/s, %s M per CPU-second (best (min–max) of %d)%n",
                particles, steps, p, ours.wallSpread(), ours.cpuSpread(), repeats);
        if (noPeer) {
            return;
        }
        Optional<Path> dir = peers != null ? Optional.of(peers) : BenchPeers.find();
        if (dir.isEmpty()) {
            System.out.println("peers: bench/peers not found (run from a clone, or give --peers DIR); no ratio");
            return;
        }
        for (BenchPeers.Result r : BenchPeers.runAll(dir.get(), particles, steps, p, repeats, !noNumpy)) {
            if (r.wall() <= 0) {
                System.out.println(r.name() + ": " + r.note());
                continue;
            }
            System.out.printf("%s: %.2f M particle-steps/s, %.2f M per CPU-second → ScoreScope %.2fx (wall), %.2fx (per CPU-second)%n",
                    r.name(), r.wall(), r.cpu(), ours.bestWall() / r.wall(), ours.bestCpu() / r.cpu());
        }
    }

    /** Each sampler on each target, against ddim-exact on the same target. */
    private void samplerTable(List<String> samplerIds, List<String> targetIds, int p) {
        System.out.printf("N=%d T=%d threads=%d, linear schedule; M particle-NFE/s, best (min–max) of %d after %d warm-up runs%n",
                particles, steps, p, repeats, warmup);
        System.out.println("| target | sampler | NFE/particle | M particle-NFE/s (wall) | M per CPU-second | × ddim-exact (CPU) |");
        System.out.println("|---|---|---|---|---|---|");
        try (Engine engine = new Engine(p)) {
            for (String tid : targetIds) {
                Target target = Presets.get(tid);
                BenchTimer.Rates ref = BenchTimer.time(engine, target, grid(), SamplerRegistry.create("ddim-exact"), particles,
                        warmup, repeats, false);
                row(tid, "ddim-exact", ref, ref);
                for (String sid : samplerIds) {
                    if (sid.equals("ddim-exact")) {
                        continue;
                    }
                    BenchTimer.Rates r = BenchTimer.time(engine, target, grid(), SamplerRegistry.create(sid), particles,
                            warmup, repeats, false);
                    row(tid, sid, r, ref);
                }
            }
        }
    }

    private static void row(String target, String sampler, BenchTimer.Rates r, BenchTimer.Rates ref) {
        System.out.printf("| %s | %s | %d | %s | %s | %.2f |%n", target, sampler, r.nfePerParticle(), r.wallSpread(), r.cpuSpread(),
                r.bestCpu() / ref.bestCpu());
        System.out.flush();
    }

    /** The score alone per target: CPU ns per particle, ratio to ring8 and the issue's budget. */
    private void scoreTable(List<String> targetIds) {
        int n = Math.min(particles, 200_000);
        List<String> order = new ArrayList<>(List.of("ring8"));
        targetIds.stream().filter(id -> !id.equals("ring8")).forEach(order::add);
        System.out.printf("score alone, one thread: %d exact draws of X(γ) at each of the %d levels, chunks of %d; CPU ns per particle, best (min–max) of %d%n",
                n, steps, Engine.CHUNK, repeats);
        System.out.println("| target | K | ns/particle | × ring8 | budget 2·max(1, K/8) |");
        System.out.println("|---|---|---|---|---|");
        double ring = 0;
        for (String id : order) {
            Target t = Presets.get(id);
            double[] ns = BenchTimer.scoreNanos(t, grid(), n, Engine.CHUNK, Math.max(1, warmup), repeats);
            double best = java.util.Arrays.stream(ns).min().orElse(0);
            double worst = java.util.Arrays.stream(ns).max().orElse(0);
            if (id.equals("ring8")) {
                ring = best;
            }
            int k = components(t);
            System.out.printf("| %s | %d | %.2f (%.2f–%.2f) | %.2f | %.2f |%n", id, k, best, best, worst, best / ring,
                    2 * Math.max(1, k / 8.0));
            System.out.flush();
        }
    }

    private static int components(Target t) {
        if (t instanceof GaussianMixture g) {
            return g.components();
        }
        if (t instanceof BoxMixture b) {
            return b.boxes();
        }
        return 1;
    }
}
