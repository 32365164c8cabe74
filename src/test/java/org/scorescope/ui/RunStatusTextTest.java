package org.scorescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The status line while a run computes: the count of samplers (singular or plural), their names, the step. */
class RunStatusTextTest {
    @Test
    void countNamesAndStep() {
        assertEquals("Computing 3 samplers: ddpm, ddim, heun — step 12/40", RunStatusText.computing(List.of("ddpm", "ddim", "heun"), 12, 40));
        assertEquals("Computing 1 sampler: ddpm — step 0/40", RunStatusText.computing(List.of("ddpm"), 0, 40));
        assertEquals("Computing 2 samplers: ddpm, lagrange:K=3 — step 100/100",
                RunStatusText.computing(List.of("ddpm", "lagrange:K=3"), 100, 100));
    }

    @Test
    void manySamplersAreCountedNotAllNamed() {
        assertEquals("Computing 6 samplers: a, b, c, d and 2 more — step 1/5", RunStatusText.computing(List.of("a", "b", "c", "d", "e", "f"), 1, 5));
    }

    @Test
    void theStepStaysInsideZeroToT() {
        assertEquals("Computing 1 sampler: x — step 0/10", RunStatusText.computing(List.of("x"), -3, 10));
        assertEquals("Computing 1 sampler: x — step 10/10", RunStatusText.computing(List.of("x"), 11, 10));
    }
}
