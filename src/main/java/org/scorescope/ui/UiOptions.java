package org.scorescope.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of the application (arguments that are not a CLI command):
 * {@code --scenario FILE}, {@code --particles N}, {@code --panels K} (1–4 samplers of the default
 * scenario), {@code --play}, {@code --step T} (start at this step), {@code --presentation},
 * {@code --score-field}, {@code --no-metrics} (hide the metrics pane),
 * {@code --rate-study TARGET[:T,T,…[:sampler,…]]} (open the rate study and run it),
 * {@code --measure-ui SECONDS}.
 *
 * @param scenario a scenario file to open instead of the default
 * @param particles N instead of the scenario's
 * @param panels how many samplers of the default scenario to show
 * @param play start playing at once
 * @param step the step to show first (−1: T)
 * @param presentation start in presentation mode
 * @param scoreField start with the score field on
 * @param measureSeconds &gt; 0: play, measure FX-thread time per frame, print and exit
 * @param noMetrics start with the metrics pane hidden
 * @param rateStudy open the rate study and start it: TARGET[:T,T,…[:sampler,sampler,…]], or null
 */
public record UiOptions(Path scenario, Integer particles, int panels, boolean play, int step, boolean presentation,
        boolean scoreField, double measureSeconds, boolean noMetrics, String rateStudy) {

    /** The option names, for messages and suggestions. */
    public static final List<String> NAMES = List.of("--scenario", "--particles", "--panels", "--play", "--step", "--presentation",
            "--score-field", "--no-metrics", "--rate-study", "--measure-ui");

    /** Parses the arguments; unknown ones are reported by an IllegalArgumentException. */
    public static UiOptions parse(List<String> args) {
        Path scenario = null;
        Integer particles = null;
        int panels = 2;
        boolean play = false;
        int step = -1;
        boolean presentation = false;
        boolean field = false;
        double measure = 0;
        boolean noMetrics = false;
        String rateStudy = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--scenario" -> scenario = Path.of(value(args, ++i, a));
                case "--particles" -> particles = whole(value(args, ++i, a), a);
                case "--panels" -> panels = Math.max(1, Math.min(4, whole(value(args, ++i, a), a)));
                case "--play" -> play = true;
                case "--step" -> step = whole(value(args, ++i, a), a);
                case "--presentation" -> presentation = true;
                case "--score-field" -> field = true;
                case "--measure-ui" -> measure = number(value(args, ++i, a), a);
                case "--no-metrics" -> noMetrics = true;
                case "--rate-study" -> rateStudy = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; the application takes --scenario FILE, "
                        + "--particles N, --panels K, --play, --step T, --presentation, --score-field, --no-metrics, --rate-study TARGET[:T,T,...[:sampler,sampler,...]], --measure-ui SECONDS");
            }
        }
        return new UiOptions(scenario, particles, panels, play, step, presentation, field, measure, noMetrics, rateStudy);
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
        return new UiOptions(null, null, 2, false, -1, false, false, 0, false, null);
    }
}
