package org.scorescope.engine;

import java.util.List;

/** Several listeners called in order. */
public record CompositeListener(List<RunListener> listeners) implements RunListener {
    /** Copies the list. */
    public CompositeListener {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void onStep(StepView view) {
        for (RunListener l : listeners) {
            l.onStep(view);
        }
    }
}
