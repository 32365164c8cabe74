package org.scorescope.discrete;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.scorescope.metrics.RateFit;
import org.scorescope.scenario.ScenarioException;

/**
 * Error against the number of steps N (and, for the presets that allow it, against d and S): the exact
 * KL(p_data ‖ p_out) or TV of the sampler's output law ({@link ExactLaw}), or the particles' histogram TV
 * with its noise floor ({@link EmpiricalTv}). {@link #stepsFor} finds the smallest N whose exact KL is at
 * most ε — the quantity of 003's Theorem 11, {@code N = Õ(d log S / ε)}.
 */
public final class DiscreteSweep {
    private DiscreteSweep() {
    }

    /** What a sweep measures. */
    public enum Metric {
        /** KL(p_data ‖ p_out) of the exact output law. */
        EXACT_KL("exact-kl"),
        /** TV of the exact output law. */
        EXACT_TV("exact-tv"),
        /** The particles' histogram TV, with the noise floor. */
        TV("tv");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** The CLI id. */
        public String id() {
            return id;
        }

        /** Whether the metric needs no particles. */
        public boolean exact() {
            return this != TV;
        }

        /** The metric with this id. */
        public static Metric of(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("must be exact-kl, exact-tv or tv, was '" + id + "'");
        }
    }

    /**
     * One measured point.
     *
     * @param floor the noise floor's mean for {@code tv}, NaN for exact metrics
     * @param floorUpper the floor's mean + 2 sd, NaN for exact metrics
     * @param nfe score evaluations per particle (measured for {@code tv}; N for the one-evaluation-per-step
     *     samplers and NaN for ctmc-exact under exact metrics, which run no particles)
     */
    public record Row(String sampler, String process, int states, int dims, double horizon, String schedule, int steps, String metric,
            double value, double floor, double floorUpper, double nfe, double seconds) {
        /** The CSV header. */
        public static final String HEADER = "sampler,process,states,dims,horizon,schedule,steps,metric,value,floor,floor_upper,nfe,seconds";

        /** One CSV line. */
        public String csv() {
            return String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%s,%d,%s,%.10g,%.6g,%.6g,%.6g,%.3f", sampler, process, states, dims, horizon,
                    schedule, steps, metric, value, floor, floorUpper, nfe, seconds);
        }
    }

    /**
     * A sweep.
     *
     * @param scenario the base scenario (target, process, horizon, schedule, particles, seed)
     * @param samplers the samplers
     * @param steps the N values
     * @param states S values (null: the target's own)
     * @param dims d values (null: the target's own)
     * @param seeds particle runs per point for {@code tv}
     */
    public record Plan(DiscreteScenario scenario, List<DiscreteSampler> samplers, int[] steps, int[] states, int[] dims, Metric metric,
            int seeds) {
        /** The targets of the (S, d) grid, in order, each checked; names the flag that does not apply. */
        public List<DiscreteTarget> targets() {
            DiscreteScenario.TargetSpec spec = scenario.target();
            if ((states != null || dims != null) && spec.preset() == null) {
                throw new ScenarioException(states != null ? "--states" : "--dims", "only presets take S and d; this target is fixed");
            }
            if (dims != null && !"product".equals(spec.preset())) {
                throw new ScenarioException("--dims", "only the product preset takes d; '" + spec.preset() + "' has a fixed d");
            }
            if (states != null && "language".equals(spec.preset())) {
                throw new ScenarioException("--states", "the language preset has a fixed S = 8");
            }
            int[] ss = states != null ? states : new int[] {-1};
            int[] ds = dims != null ? dims : new int[] {-1};
            List<DiscreteTarget> out = new ArrayList<>();
            for (int d : ds) {
                for (int s : ss) {
                    DiscreteScenario.TargetSpec t = new DiscreteScenario.TargetSpec(spec.preset(), s > 0 ? Integer.valueOf(s) : spec.states(),
                            d > 0 ? Integer.valueOf(d) : spec.dims(), spec.probabilities(), spec.marginals(), spec.image(), spec.words());
                    DiscreteTarget target = t.build("target");
                    check(target);
                    out.add(target);
                }
            }
            return out;
        }

        private void check(DiscreteTarget target) {
            DiscreteScenario.checkMemory(target, scenario.process(), metric.exact() ? 1 : scenario.particles());
            if (metric.exact() && !ExactLaw.supports(target)) {
                throw new ScenarioException("--metric", metric.id() + " needs S^d <= " + ExactLaw.MAX_STATES + " or independent coordinates; "
                        + target.name() + " has S^d = " + target.states() + "^" + target.dims() + "; use tv");
            }
            if (metric == Metric.EXACT_TV && target instanceof ProductTarget
                    && StateIndex.count(scenario.process().alphabet(target.states()), target.dims(), DiscreteLaw.Product.MAX_TV_STATES) < 0) {
                throw new ScenarioException("--metric", "exact-tv of " + target.dims() + " independent coordinates is too large to enumerate; use exact-kl");
            }
            if (metric == Metric.TV && !EmpiricalTv.supports(target)) {
                throw new ScenarioException("--metric", "tv needs S^d <= " + EmpiricalTv.MAX_CELLS + " histogram cells; use exact-kl");
            }
        }
    }

    /** Runs the plan, handing each row to {@code sink} as it is measured. */
    public static List<Row> run(Plan plan, DiscreteRunner runner, Consumer<Row> sink, BooleanSupplier cancelled) {
        List<Row> rows = new ArrayList<>();
        DiscreteScenario sc = plan.scenario();
        for (DiscreteTarget target : plan.targets()) {
            for (DiscreteSampler sampler : plan.samplers()) {
                for (int n : plan.steps()) {
                    Row r = measure(plan, target, sampler, n, runner, cancelled);
                    rows.add(r);
                    if (sink != null) {
                        sink.accept(r);
                    }
                }
            }
        }
        return rows;
    }

    private static Row measure(Plan plan, DiscreteTarget target, DiscreteSampler sampler, int n, DiscreteRunner runner, BooleanSupplier cancelled) {
        DiscreteScenario sc = plan.scenario();
        StepSchedule schedule = sc.buildSchedule(n);
        long start = System.nanoTime();
        double value;
        double floor = Double.NaN;
        double upper = Double.NaN;
        double nfe;
        if (plan.metric().exact()) {
            DiscreteLaw law = ExactLaw.output(target, sc.process(), sampler, schedule, runner.pool(), null, cancelled);
            value = plan.metric() == Metric.EXACT_KL ? law.kl(target) : law.tv(target);
            nfe = sampler instanceof FactorisedKernel ? n : Double.NaN;
        } else {
            double tv = 0;
            double f = 0;
            double u = 0;
            double evals = 0;
            for (int k = 0; k < plan.seeds(); k++) {
                DiscreteRunner.Result r = runner.run(new DiscreteRunSpec(target, sc.process(), schedule, sampler, sc.particles(), sc.seed() + k),
                        null, cancelled);
                EmpiricalTv e = EmpiricalTv.of(target, r.states());
                tv += e.tv();
                f += e.floor().mean();
                u += e.floor().upper();
                evals += r.nfePerParticle();
            }
            value = tv / plan.seeds();
            floor = f / plan.seeds();
            upper = u / plan.seeds();
            nfe = evals / plan.seeds();
        }
        return new Row(sampler.id(), sc.process().id(), target.states(), target.dims(), sc.horizon(), schedule.id(), n,
                plan.metric().id(), value, floor, upper, nfe, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The smallest N whose exact KL is at most {@code epsilon} (doubling, then bisection; the KL of
     * these samplers falls with N). Returns −1 when even {@code maxSteps} does not reach it.
     *
     * @param sink receives every N tried with its KL, or null
     */
    public static int stepsFor(DiscreteScenario sc, DiscreteTarget target, DiscreteSampler sampler, double epsilon, int maxSteps,
            DiscreteRunner runner, Consumer<Row> sink, BooleanSupplier cancelled) {
        java.util.function.IntToDoubleFunction kl = n -> {
            long start = System.nanoTime();
            StepSchedule schedule = sc.buildSchedule(n);
            double v = ExactLaw.output(target, sc.process(), sampler, schedule, runner.pool(), null, cancelled).kl(target);
            if (sink != null) {
                sink.accept(new Row(sampler.id(), sc.process().id(), target.states(), target.dims(), sc.horizon(), schedule.id(), n, "exact-kl",
                        v, Double.NaN, Double.NaN, n, (System.nanoTime() - start) * 1e-9));
            }
            return v;
        };
        int hi = 1;
        while (kl.applyAsDouble(hi) > epsilon) {
            if (hi >= maxSteps) {
                return -1;
            }
            hi = Math.min(maxSteps, hi * 2);
        }
        int lo = hi / 2;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (kl.applyAsDouble(mid) <= epsilon) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The log–log slope of value against N for one sampler and (S, d), by least squares over the rows. */
    public static RateFit fit(List<Row> rows, String sampler, int states, int dims) {
        List<Row> sel = rows.stream().filter(r -> r.sampler().equals(sampler) && r.states() == states && r.dims() == dims).toList();
        double[] x = sel.stream().mapToDouble(Row::steps).toArray();
        double[] y = sel.stream().mapToDouble(Row::value).toArray();
        return RateFit.fit(x, y);
    }
}
