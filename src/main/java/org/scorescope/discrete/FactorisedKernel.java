package org.scorescope.discrete;

/**
 * A sampler whose step, given the state at the start of the interval, moves the coordinates
 * independently: its transition law is {@code Π_i K_i(x; y_i)}. {@link ExactLaw} pushes a whole law
 * through it exactly, state by state.
 */
public interface FactorisedKernel {
    /**
     * The law of each coordinate's next value: {@code out[i][v]} for v over the alphabet (S, or S + 1
     * with MASK = S), given the state x at forward time {@code from}, after the step to {@code to}.
     */
    void kernel(int[] x, double from, double to, DiscreteScore score, SamplerWorkspace ws, double[][] out);
}
