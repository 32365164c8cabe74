package org.scorescope.engine;

/**
 * Called on the run's coordinating thread after the initial draw (t = T) and after every step,
 * while no chunk is being stepped: it may read the particles through the view, but must not keep
 * the view after returning.
 */
@FunctionalInterface
public interface RunListener {
    /** The particles are now at level ᾱ_t. */
    void onStep(StepView view);
}
