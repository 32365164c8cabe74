package org.scorescope.schedule;

/** A rule that makes a {@link Grid} of T steps (docs/algorithms.md §3). */
public interface Schedule {
    /** The schedule's id as used in scenario files and the CLI. */
    String id();

    /**
     * @param steps T ≥ 1
     * @return the T+1 levels from the output level to the noise level
     */
    Grid grid(int steps);
}
