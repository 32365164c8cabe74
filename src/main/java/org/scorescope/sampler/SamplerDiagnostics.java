package org.scorescope.sampler;

/**
 * Per-chunk sampler memory that can show what happened inside the last step (for the chunk holding
 * the run's first particles): views read it between steps.
 */
public interface SamplerDiagnostics {
    /** An immutable snapshot of the last step's inner workings, or null. */
    Object lastStep();
}
