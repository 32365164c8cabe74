package org.scorescope.ui.model;

import java.util.Map;

/**
 * What the window knows about one sampler of the current run, for captions, legends and the
 * summary: its canonical id, label and colour, the counts at the newest computed step, its own
 * compute time, and named flags that a report adds (e.g. {@code "diverged" → "12 particles"},
 * a theory order, PIADM rounds).
 *
 * @param slot the sampler's position in the run (its colour)
 * @param canonicalId e.g. {@code lagrange:K=3}
 * @param label what captions call it
 * @param nfe score evaluations per particle so far
 * @param diverged particles flagged NaN or infinite so far
 * @param seconds this sampler's own compute time so far
 * @param flags further facts by name, in display order (empty when none)
 */
public record SamplerStatus(int slot, String canonicalId, String label, long nfe, int diverged, double seconds,
        Map<String, String> flags) {
    /** Copies the flags. */
    public SamplerStatus {
        flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
    }
}
