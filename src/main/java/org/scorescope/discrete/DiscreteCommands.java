package org.scorescope.discrete;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.RateFit;
import org.scorescope.scenario.ScenarioException;

/**
 * The headless {@code sample} and {@code sweep} of discrete scenarios, called by the CLI commands when
 * the scenario or preset is discrete. Everything is checked before any file is written; files are
 * written atomically.
 */
public final class DiscreteCommands {
    private DiscreteCommands() {
    }

    /**
     * The scenario flags (null = not given).
     *
     * @param scenario a scenario file
     * @param target a discrete preset id
     * @param schedule {@code constant} or {@code geometric}
     * @param delta the geometric schedule's δ
     */
    public record Options(Path scenario, String target, String process, Double horizon, String schedule, Double delta, Integer states,
            Integer dims, Integer particles, Long seed) {
    }

    /** Whether these flags pick a discrete scenario: a discrete preset, or a discrete scenario file. */
    public static boolean applies(Path scenario, String target) {
        if (target != null) {
            return DiscretePresets.isPreset(target);
        }
        return scenario != null && DiscreteScenarioJson.isDiscrete(scenario);
    }

    /**
     * The scenario the flags describe, checked.
     *
     * @param samplers sampler ids from the command, or null
     * @param steps N from the command, or null
     */
    public static DiscreteScenario resolve(Options o, List<String> samplers, Integer steps) {
        DiscreteScenario base;
        if (o.scenario() != null) {
            base = DiscreteScenarioJson.read(o.scenario());
        } else {
            if (o.target() == null) {
                throw new ScenarioException("--target", "give --target ID or --scenario FILE");
            }
            DiscreteProcess p = process(o.process());
            base = new DiscreteScenario("", "", DiscreteScenario.TargetSpec.preset(o.target()), p, DiscreteScenario.defaultHorizon(p), "constant",
                    StepSchedule.DEFAULT_DELTA, List.of("tau-leaping"), 64, 20_000, 1);
        }
        DiscreteScenario.TargetSpec t = base.target();
        if (o.target() != null && o.scenario() != null) {
            t = DiscreteScenario.TargetSpec.preset(o.target());
        }
        if (o.states() != null || o.dims() != null) {
            if (t.preset() == null) {
                throw new ScenarioException(o.states() != null ? "--states" : "--dims", "only presets take S and d; this target is fixed");
            }
            t = new DiscreteScenario.TargetSpec(t.preset(), o.states() != null ? o.states() : t.states(), o.dims() != null ? o.dims() : t.dims(),
                    null, null, null, List.of());
        }
        DiscreteScenario s = base.with(t, o.process() != null ? process(o.process()) : null, o.horizon(), o.schedule(), samplers, steps,
                o.particles(), o.seed());
        if (o.delta() != null) {
            s = new DiscreteScenario(s.title(), s.description(), s.target(), s.process(), s.horizon(), s.schedule(), o.delta(), s.samplers(),
                    s.steps(), s.particles(), s.seed());
        }
        s.validate();
        return s;
    }

    private static DiscreteProcess process(String id) {
        if (id == null) {
            return DiscreteProcess.UNIFORM;
        }
        try {
            return DiscreteProcess.of(id);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--process", e.getMessage());
        }
    }

    /**
     * Runs the scenario's first sampler and writes the particles: one row per particle, columns
     * {@code x0 … x(d−1)} as integers, MASK as −1; with {@code trajectory}, every step, with the
     * columns {@code particle, step, tau} added.
     */
    public static void sample(DiscreteScenario sc, Path out, boolean trajectory, int threads, PrintWriter stdout) {
        DiscreteTarget target = sc.validate();
        DiscreteSampler sampler = sc.buildSamplers().get(0);
        StepSchedule schedule = sc.buildSchedule(sc.steps());
        DiscreteRunSpec spec = new DiscreteRunSpec(target, sc.process(), schedule, sampler, sc.particles(), sc.seed());
        int d = target.dims();
        int s = target.states();
        String header = header(d);
        try (DiscreteRunner runner = new DiscreteRunner(threads)) {
            DiscreteRunner.Result[] result = new DiscreteRunner.Result[1];
            AtomicFile.write(out, w -> {
                w.write(header + (trajectory ? ",particle,step,tau\n" : "\n"));
                List<IOException> failure = new ArrayList<>();
                DiscreteRunner.Listener listener = !trajectory ? null : (step, tau, states, nfe) -> {
                    if (failure.isEmpty()) {
                        try {
                            writeStates(w, states, s, "," + step + "," + tau);
                        } catch (IOException e) {
                            failure.add(e);
                        }
                    }
                };
                result[0] = runner.run(spec, listener, null);
                if (!failure.isEmpty()) {
                    throw failure.get(0);
                }
                if (!trajectory) {
                    writeStates(w, result[0].states(), s, "");
                }
            });
            DiscreteRunner.Result r = result[0];
            stdout.printf(Locale.ROOT, "wrote %s: %d particles, sampler %s, %s process, T=%s, N=%d (%s), NFE=%.2f per particle, %.2f s%n", out,
                    sc.particles(), sampler.id(), sc.process().id(), sc.horizon(), sc.steps(), schedule.id(), r.nfePerParticle(), r.seconds());
            if (EmpiricalTv.supports(target)) {
                EmpiricalTv tv = EmpiricalTv.of(target, r.states());
                stdout.printf(Locale.ROOT, "histogram TV to p_data %.5f (noise floor of %d exact samples %.5f, upper %.5f)%n", tv.tv(),
                        sc.particles(), tv.floor().mean(), tv.floor().upper());
            }
            if (ExactLaw.supports(target)) {
                DiscreteLaw law = ExactLaw.output(target, sc.process(), sampler, schedule, runner.pool(), null, null);
                stdout.printf(Locale.ROOT, "exact output law: KL(p_data || p_out) = %.6g, TV = %s, mass left masked = %.3g%n", law.kl(target),
                        law instanceof DiscreteLaw.Product && target.size() > DiscreteLaw.Product.MAX_TV_STATES ? "n/a"
                                : String.format(Locale.ROOT, "%.6g", law.tv(target)), law.maskedMass());
            }
            if (!target.words().isEmpty()) {
                int[] x = new int[d];
                for (int j = 0; j < Math.min(5, sc.particles()); j++) {
                    r.states().state(j, x);
                    stdout.println("  \"" + target.describe(x) + "\"" + (target.probability(x) > 0 ? "" : "   (not a sentence of the language)"));
                }
            }
        }
    }

    private static String header(int d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d; i++) {
            b.append(i == 0 ? "" : ",").append('x').append(i);
        }
        return b.toString();
    }

    private static void writeStates(java.io.BufferedWriter w, DiscreteStates states, int s, String suffix) throws IOException {
        int d = states.dims();
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < states.particles(); j++) {
            line.setLength(0);
            for (int i = 0; i < d; i++) {
                int v = states.get(j, i);
                line.append(i == 0 ? "" : ",").append(v == s ? -1 : v);
            }
            if (!suffix.isEmpty()) {
                line.append(',').append(j).append(suffix);
            }
            line.append('\n');
            w.write(line.toString());
        }
    }

    /**
     * The sweep: every (S, d) × sampler × N row as CSV, with the fitted log–log slope per curve; with
     * {@code findKl}, also the smallest N reaching KL ≤ ε per curve, against d log S.
     */
    public static void sweep(DiscreteCommands.Options o, List<String> samplerIds, List<Integer> steps, List<Integer> states, List<Integer> dims,
            String metric, int seeds, Double findKl, Path out, int threads, PrintWriter stdout, PrintWriter progress) {
        DiscreteSweep.Metric m;
        try {
            m = DiscreteSweep.Metric.of(metric);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--metric", e.getMessage());
        }
        if (seeds < 1 || seeds > 1000) {
            throw new ScenarioException("--seeds", "must be in 1..1000, was " + seeds);
        }
        if (steps == null || steps.isEmpty()) {
            throw new ScenarioException("--steps", "give the step counts N, e.g. --steps 8,16,32");
        }
        for (int n : steps) {
            if (n < 1 || n > DiscreteScenario.MAX_STEPS) {
                throw new ScenarioException("--steps", "each N must be in 1.." + DiscreteScenario.MAX_STEPS + ", was " + n);
            }
        }
        if (findKl != null && !(findKl > 0)) {
            throw new ScenarioException("--find-kl", "must be > 0, was " + findKl);
        }
        if (findKl != null && m != DiscreteSweep.Metric.EXACT_KL) {
            throw new ScenarioException("--find-kl", "goes with --metric exact-kl");
        }
        DiscreteScenario sc = resolve(new Options(o.scenario(), o.target(), o.process(), o.horizon(), o.schedule(), o.delta(), null, null,
                o.particles(), o.seed()), samplerIds, steps.get(0));
        DiscreteSweep.Plan plan = new DiscreteSweep.Plan(sc, sc.buildSamplers(), steps.stream().mapToInt(Integer::intValue).toArray(),
                toArray(states, "--states", 2, 4096), toArray(dims, "--dims", 1, DiscreteTarget.MAX_DIMS), m, seeds);
        List<DiscreteTarget> targets = plan.targets();
        List<DiscreteSweep.Row> rows;
        List<String> found = new ArrayList<>();
        try (DiscreteRunner runner = new DiscreteRunner(threads)) {
            if (findKl != null) {
                rows = new ArrayList<>();
                for (DiscreteTarget t : targets) {
                    for (DiscreteSampler s : plan.samplers()) {
                        int n = DiscreteSweep.stepsFor(sc, t, s, findKl, steps.get(steps.size() - 1), runner, r -> {
                            rows.add(r);
                            progress.println(r.csv());
                        }, null);
                        double dLogS = t.dims() * Math.log(t.states());
                        found.add(String.format(Locale.ROOT, "%-12s S=%-4d d=%-3d  N(KL<=%s) = %s   d log S = %.3f   N/(d log S) = %s", s.id(), t.states(),
                                t.dims(), findKl, n < 0 ? "> " + steps.get(steps.size() - 1) : Integer.toString(n), dLogS,
                                n < 0 ? "-" : String.format(Locale.ROOT, "%.2f", n / dLogS)));
                    }
                }
            } else {
                rows = DiscreteSweep.run(plan, runner, r -> progress.println(r.csv()), null);
            }
        }
        List<DiscreteSweep.Row> written = rows;
        AtomicFile.write(out, w -> {
            w.write(DiscreteSweep.Row.HEADER + "\n");
            for (DiscreteSweep.Row r : written) {
                w.write(r.csv() + "\n");
            }
        });
        stdout.println("wrote " + out + " (" + rows.size() + " rows)");
        if (findKl != null) {
            found.forEach(stdout::println);
            return;
        }
        if (plan.steps().length >= 2) {
            for (DiscreteTarget t : targets) {
                for (DiscreteSampler s : plan.samplers()) {
                    RateFit f = DiscreteSweep.fit(rows, s.id(), t.states(), t.dims());
                    stdout.printf(Locale.ROOT, "%-12s S=%-4d d=%-3d log-log slope %.3f%s%n", s.id(), t.states(), t.dims(), -f.order(),
                            Double.isNaN(f.halfWidth()) ? "" : String.format(Locale.ROOT, " ± %.3f (95%%)", f.halfWidth()));
                }
            }
        }
    }

    private static int[] toArray(List<Integer> values, String flag, int min, int max) {
        if (values == null) {
            return null;
        }
        int[] a = new int[values.size()];
        for (int i = 0; i < a.length; i++) {
            int v = values.get(i);
            if (v < min || v > max) {
                throw new ScenarioException(flag, "each value must be in " + min + ".." + max + ", was " + v);
            }
            a[i] = v;
        }
        return a;
    }
}
