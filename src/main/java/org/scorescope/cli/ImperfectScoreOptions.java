package org.scorescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioInput;
import picocli.CommandLine.Option;

/**
 * The flags of imperfect scores, memorisation and high ambient dimension (issue 16), shared by
 * {@code sample} and {@code sweep}. Flags that set a scenario field go onto the {@link ScenarioInput}
 * ({@link #apply}), so that the one validation layer checks them and names the flag:
 * {@code --score-error} sets {@code scoreError}, {@code --embed}/{@code --frame}/{@code --frame-seed}/
 * {@code --normal-variance} set {@code target.embed}/{@code frame}/{@code frameSeed}/{@code normalVariance},
 * {@code --training-points}/{@code --training-seed} set {@code target.training}. The sweep axes
 * ({@code --score-errors}, {@code --dims}, a list of normal variances) stay flags. The sweep's
 * {@code --dims} is the discrete lab's flag, read here as the ambient dimensions of a continuous target.
 */
public final class ImperfectScoreOptions {
    @Option(names = "--score-error", paramLabel = "TYPE:SIZE[:FREQ]",
            description = "Score error of known size: bias:ε, scale:κ, noise-level:δ, field:ε[:frequency] (sweep: the type of --score-errors).")
    String scoreError;

    @Option(names = "--score-errors", split = ",", paramLabel = "0,0.01,...",
            description = "Sweep: sizes of the score error (type from --score-error, default bias); column score_error.")
    List<String> scoreErrors;

    @Option(names = "--embed", paramLabel = "D", description = "Place the target in R^D (D up to 1024) by a random orthonormal frame (or --frame axes).")
    Integer embed;

    @Option(names = "--frame", paramLabel = "random|axes", description = "Frame of --embed/--dims: random (seeded, default) or axes (zero padding).")
    String frame;

    @Option(names = "--frame-seed", paramLabel = "S", description = "Seed of the random frame (default 1).")
    Long frameSeed;

    @Option(names = "--normal-variance", split = ",", paramLabel = "V",
            description = "Data variance off the target's plane when embedded (default 0: rank k; > 0: full rank). Sweep: a list is an axis (column normal_variance).")
    List<Double> normalVariance;

    @Option(names = "--training-points", paramLabel = "N",
            description = "Replace the target by N training points drawn from it (the empirical, memorising score).")
    Integer trainingPoints;

    @Option(names = "--training-seed", paramLabel = "S", description = "Seed of the training points (default 1).")
    Long trainingSeed;

    @Option(names = "--radius", paramLabel = "R", description = "sample, training points: memorisation radius (default 0.05).")
    Double radius;

    @Option(names = "--early-stopping", split = ",", paramLabel = "t,t,...",
            description = "sample, training points: measure the output Y_t/sqrt(abar_t) when stopping at these steps (0 = the end).")
    List<Integer> earlyStopping;

    @Option(names = "--plot", paramLabel = "FILE.png|svg",
            description = "Sweep: also draw the error against the swept size or dimension (log-log), one line per sampler.")
    java.nio.file.Path plot;

    /** Whether any of these flags was given. */
    boolean any() {
        return scoreError != null || scoreErrors != null || embed != null || frame != null || frameSeed != null || normalVariance != null
                || trainingPoints != null || trainingSeed != null || radius != null || earlyStopping != null || plot != null;
    }

    /**
     * Puts the flags that are scenario fields onto the scenario: flags win over the file.
     *
     * @param in the scenario input
     * @param dimensionAxis a sweep over {@code --dims}: the frame flags and the normal variance are then
     *        the axis's settings, not the scenario's
     */
    void apply(ScenarioInput in, boolean dimensionAxis) {
        if (scoreError != null) {
            in.set("scoreError", errorFields(), "--score-error");
        }
        if (dimensionAxis && embed != null) {
            throw new ScenarioException("--embed", "--dims sets the ambient dimension of each sweep point; drop --embed");
        }
        if (embed != null) {
            in.set("target.embed", embed, "--embed");
            JsonNode t = in.get("target");
            if (frame == null && (t == null || !t.isObject() || !t.has("frame"))) {
                in.set("target.frame", "random", "--embed");
            }
        }
        if (!dimensionAxis) {
            if (frame != null) {
                in.set("target.frame", frame, "--frame");
            }
            if (frameSeed != null) {
                in.set("target.frameSeed", frameSeed, "--frame-seed");
            }
            if (normalVariance != null && normalVariance.size() == 1) {
                in.set("target.normalVariance", normalVariance.get(0), "--normal-variance");
            }
        }
        if (trainingPoints != null) {
            in.set("target.training.n", trainingPoints, "--training-points");
            if (trainingSeed != null) {
                in.set("target.training.seed", trainingSeed, "--training-seed");
            }
        } else if (trainingSeed != null) {
            throw new ScenarioException("--training-seed", "give --training-points N with it");
        }
    }

    /**
     * {@code TYPE:SIZE[:FREQ]} as the fields of {@code scoreError}; with a {@code --score-errors}
     * axis the type alone is enough (size 0 until the axis sets it).
     */
    private Map<String, Object> errorFields() {
        String[] parts = scoreError.split(":", -1);
        boolean typeOnly = parts.length == 1 && scoreErrors != null;
        if (!typeOnly && (parts.length < 2 || parts.length > 3)) {
            throw new ScenarioException("--score-error", "write TYPE:SIZE or field:SIZE:FREQUENCY with TYPE one of "
                    + String.join(", ", org.scorescope.score.ScoreError.TYPES) + ", was '" + scoreError + "'");
        }
        String type = parts[0].trim();
        if (!org.scorescope.score.ScoreError.TYPES.contains(type)) {
            throw new ScenarioException("--score-error", org.scorescope.scenario.NearestName.unknown("score-error type", type,
                    org.scorescope.score.ScoreError.TYPES));
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("size", typeOnly ? 0.0 : number(parts[1], "size"));
        if (parts.length == 3) {
            e.put("frequency", number(parts[2], "frequency"));
        }
        return e;
    }

    private double number(String text, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException ex) {
            throw new ScenarioException("--score-error", what + " must be a number, was '" + text + "'");
        }
    }
}
