package org.scorescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.scorescope.discrete.DiscreteCommands;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.io.OutputSession;
import org.scorescope.scenario.ScenarioException;

/** Hands {@code sample} and {@code sweep} over to the discrete lab when the scenario or preset is discrete. */
final class DiscreteCli {
    private DiscreteCli() {
    }

    /** As {@link #applies(ScenarioOptions, DiscreteOptions)}, also refusing {@code --find-kl} on a continuous scenario. */
    static boolean applies(ScenarioOptions scenario, DiscreteOptions discrete, DiscreteSweepOptions sweep) {
        boolean yes = applies(scenario, discrete);
        if (!yes && sweep.findKl != null) {
            throw new ScenarioException("--find-kl", "only discrete targets (picture, language, product or a discrete scenario file) take it");
        }
        return yes;
    }

    /** Whether the scenario flags pick a discrete scenario; discrete-only flags on a continuous one are refused. */
    static boolean applies(ScenarioOptions scenario, DiscreteOptions discrete) {
        boolean yes = DiscreteCommands.applies(scenario.scenario, scenario.target);
        if (!yes && discrete.any()) {
            throw new ScenarioException(discrete.process != null ? "--process" : discrete.horizon != null ? "--horizon"
                    : discrete.states != null ? "--states" : "--delta",
                    "only discrete targets (picture, language, product or a discrete scenario file) take it");
        }
        return yes;
    }

    private static DiscreteCommands.Options options(ScenarioOptions scenario, DiscreteOptions discrete, boolean single) {
        if (scenario.grid != null || scenario.spacing != null) {
            throw new ScenarioException(scenario.grid != null ? "--grid" : "--spacing", "discrete scenarios take --schedule constant|geometric only");
        }
        if (single && (discrete.states != null && discrete.states.size() != 1 || discrete.dims != null && discrete.dims.size() != 1)) {
            throw new ScenarioException(discrete.states != null && discrete.states.size() != 1 ? "--states" : "--dims", "sample takes one value");
        }
        return new DiscreteCommands.Options(scenario.scenario, scenario.target, discrete.process, discrete.horizon, scenario.schedule,
                discrete.delta, single && discrete.states != null ? discrete.states.get(0) : null,
                single && discrete.dims != null ? discrete.dims.get(0) : null, scenario.particles, scenario.seed);
    }

    /**
     * Runs a discrete command in the output layer, as the continuous ones: the output claimed first
     * (no clobber without --force, no special files, locked), written at the commit; the report goes
     * to standard error when the output is standard output.
     */
    static int inSession(ScenarioOptions scenario, boolean force, Path out, java.util.function.ToIntFunction<PrintWriter> command) {
        PrintWriter report = new PrintWriter(OutputSession.isStdout(out) ? System.err : System.out, true);
        try (OutputSession session = OutputSession.open(force ? OutputSession.Existing.REPLACE : OutputSession.Existing.REFUSE)) {
            scenario.protectInputs(session);
            session.claim(out, "--out");
            int code = command.applyAsInt(report);
            session.commit();
            return code;
        } finally {
            report.flush();
        }
    }

    static int sample(ScenarioOptions scenario, DiscreteOptions discrete, String sampler, java.util.Map<String, Double> params, Integer steps,
            Path init, boolean trajectory, Path out, PrintWriter report) {
        if (init != null) {
            throw new ScenarioException("--init", "discrete runs start from the forward process's limit (uniform states or all MASK)");
        }
        if (!params.isEmpty()) {
            throw new ScenarioException("--param", "the discrete samplers take no parameters");
        }
        DiscreteScenario s = DiscreteCommands.resolve(options(scenario, discrete, true), sampler == null ? null : List.of(sampler), steps);
        DiscreteCommands.sample(s, out, trajectory, scenario.threads(), report);
        return 0;
    }

    static int sweep(ScenarioOptions scenario, DiscreteOptions discrete, List<String> samplers, List<Integer> steps, String metric, int seeds,
            Double findKl, Path out, PrintWriter report) {
        DiscreteCommands.sweep(options(scenario, discrete, false), samplers, steps, discrete.states, discrete.dims, metric, seeds, findKl, out,
                scenario.threads(), report, new PrintWriter(System.err, true));
        return 0;
    }
}
