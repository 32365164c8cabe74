package org.scorescope.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** The flags of discrete scenarios (issue 17), shared by {@code sample} and {@code sweep}. */
public final class DiscreteOptions {
    @Option(names = "--process", paramLabel = "uniform|masking", description = "Discrete targets: the forward CTMC (default uniform).")
    String process;

    @Option(names = "--horizon", paramLabel = "T", description = "Discrete targets: the horizon T (default 16 uniform, 5 masking).")
    Double horizon;

    @Option(names = "--states", split = ",", paramLabel = "S", description = "Discrete presets: values per coordinate S (sweep: a list).")
    List<Integer> states;

    @Option(names = "--dims", split = ",", paramLabel = "d",
            description = "The product preset: coordinates d (sweep: a list). Continuous targets, sweep: ambient dimensions (column dim).")
    List<Integer> dims;

    @Option(names = "--delta", paramLabel = "δ", description = "Discrete targets, --schedule geometric: the last interval δ (default 0.001).")
    Double delta;

    /** Whether any discrete-only flag was given ({@code --dims} is shared with continuous sweeps). */
    boolean any() {
        return process != null || horizon != null || states != null || delta != null;
    }
}
