package org.scorescope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scorescope.discrete.DiscreteScenarioJson;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioJson;
import org.scorescope.ui.model.SessionModel;

/**
 * Options of the application (arguments that are not a CLI command):
 * {@code --scenario FILE}, {@code --target ID}, {@code --samplers ID,ID,…} (canonical ids such as
 * {@code lagrange:K=3}), {@code --particles N}, {@code --panels K} (1–4 samplers of the default
 * scenario), {@code --play}, {@code --step T}, {@code --presentation}, {@code --score-field},
 * {@code --no-metrics}, {@code --size WxH} (the window's size), {@code --lab ID[:ARGS]} (open a lab
 * and start it; {@code --rate-study ARGS} is {@code --lab rate-study:ARGS}), {@code --measure-ui SECONDS},
 * {@code --ui-scale F} (type size × F, 0.5–4, e.g. 2 on a 4K screen; {@link UiScale}).
 * A discrete scenario file given with {@code --scenario} opens the discrete lab with it, as Open… does
 * ({@code --scenario F} is then {@code --lab discrete:F}, and the main window shows the default scenario).
 *
 * @param scenario a scenario file to open instead of the default
 * @param target a preset target instead of the scenario's, or null
 * @param samplers canonical sampler ids instead of the scenario's, or null
 * @param particles N instead of the scenario's, or null
 * @param panels how many samplers of the default scenario to show
 * @param play start playing at once
 * @param step the step to show first (−1: T)
 * @param presentation start in presentation mode
 * @param scoreField start with the score field on
 * @param measureSeconds &gt; 0: play, measure FX-thread time per frame, print and exit
 * @param noMetrics start with the metrics pane hidden
 * @param lab a lab to start, "ID[:ARGS]", or null
 * @param size the window's size {width, height}, or null for 1280×760
 * @param uiScale the factor on the type size (0.5–4), or 0 for the one saved in the preferences (default 1)
 */
public record UiOptions(Path scenario, String target, List<String> samplers, Integer particles, int panels, boolean play, int step,
        boolean presentation, boolean scoreField, double measureSeconds, boolean noMetrics, String lab, int[] size,
        double uiScale) {

    private static final String USAGE = "the application takes --scenario FILE, --target ID, --samplers ID,ID,..., --particles N, "
            + "--panels K, --play, --step T, --presentation, --score-field, --no-metrics, --size WxH, --lab ID[:ARGS], "
            + "--rate-study TARGET[:T,T,...[:sampler,sampler,...]], --measure-ui SECONDS, --ui-scale F";

    /** The option names, for messages and suggestions. */
    public static final List<String> NAMES = List.of("--scenario", "--target", "--samplers", "--particles", "--panels", "--play",
            "--step", "--presentation", "--score-field", "--no-metrics", "--size", "--lab", "--rate-study", "--measure-ui", "--ui-scale");

    /** Parses the arguments; an unknown or malformed one is reported by an IllegalArgumentException. */
    public static UiOptions parse(List<String> args) {
        Path scenario = null;
        String target = null;
        List<String> samplers = null;
        Integer particles = null;
        int panels = 2;
        boolean play = false;
        int step = -1;
        boolean presentation = false;
        boolean field = false;
        double measure = 0;
        boolean noMetrics = false;
        String lab = null;
        int[] size = null;
        double uiScale = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scenario" -> scenario = Path.of(value(args, ++i, a));
                case "--target" -> target = value(args, ++i, a);
                case "--samplers" -> samplers = List.of(value(args, ++i, a).split(","));
                case "--particles" -> particles = whole(value(args, ++i, a), a);
                case "--panels" -> panels = Math.max(1, Math.min(4, whole(value(args, ++i, a), a)));
                case "--play" -> play = true;
                case "--step" -> step = whole(value(args, ++i, a), a);
                case "--presentation" -> presentation = true;
                case "--score-field" -> field = true;
                case "--measure-ui" -> measure = number(value(args, ++i, a), a);
                case "--no-metrics" -> noMetrics = true;
                case "--lab" -> lab = value(args, ++i, a);
                case "--ui-scale" -> uiScale = UiScale.parse(value(args, ++i, a), a);
                case "--rate-study" -> lab = "rate-study:" + value(args, ++i, a);
                case "--size" -> {
                    String v = value(args, ++i, a);
                    String[] wh = v.toLowerCase().split("x");
                    if (wh.length != 2) {
                        throw new IllegalArgumentException(a + ": '" + v + "' is not WIDTHxHEIGHT (e.g. 1280x720)");
                    }
                    size = new int[] {whole(wh[0], a), whole(wh[1], a)};
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
            }
        }
        if (scenario != null && DiscreteScenarioJson.isDiscrete(scenario)) {
            if (lab != null) {
                throw new IllegalArgumentException("--scenario: '" + scenario + "' is a discrete scenario, which opens the discrete lab; "
                        + "give it without --lab/--rate-study (or as --lab discrete:" + scenario + ")");
            }
            lab = "discrete:" + scenario;
            scenario = null;
        }
        return new UiOptions(scenario, target, samplers, particles, panels, play, step, presentation, field, measure, noMetrics, lab, size, uiScale);
    }

    private static int whole(String v, String flag) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a whole number");
        }
    }

    private static double number(String v, String flag) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a number");
        }
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + ": needs a value");
        }
        return args.get(i);
    }

    /** No options. */
    public static UiOptions none() {
        return new UiOptions(null, null, null, null, 2, false, -1, false, false, 0, false, null, null, 0);
    }

    /**
     * The scenario the window opens with: the file (or the default), with the target, samplers and N
     * given on the command line.
     *
     * @throws org.scorescope.scenario.ScenarioException when the file cannot be read
     */
    Scenario initialScenario() {
        Scenario s = scenario != null ? ScenarioJson.read(scenario) : SessionModel.DEFAULT;
        if (scenario == null && panels != 2) {
            String[] ids = {"ddpm", "accel-ddpm", "ddim", "accel-ddim-ms"};
            List<Scenario.SamplerSpec> list = new ArrayList<>();
            for (int i = 0; i < panels; i++) {
                list.add(Scenario.SamplerSpec.of(ids[i]));
            }
            s = s.with(null, null, list, null, null, null);
        }
        if (samplers != null) {
            s = s.with(null, null, org.scorescope.sampler.SamplerId.parseList(samplers).stream()
                    .map(id -> new Scenario.SamplerSpec(id.base(), id.params())).toList(), null, null, null);
        }
        if (target != null) {
            s = s.with(Scenario.TargetSpec.preset(target), null, null, null, null, null);
        }
        if (particles != null) {
            s = s.with(null, null, null, null, particles, null);
        }
        return s;
    }
}
