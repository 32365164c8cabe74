package org.scorescope.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of imperfect scores, memorisation and high ambient dimension (issue 16), shared by
 * {@code sample} and {@code sweep}. The sweep's {@code --dims} is the discrete lab's flag, read here
 * as the ambient dimensions of a continuous target.
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
}
