package org.scorescope.ui.service;

import javafx.application.Platform;

/**
 * Where results are handed to the view: the FX application thread in the window, the calling thread
 * in tests of view models and controllers.
 */
@FunctionalInterface
public interface UiThread {
    /** Runs {@code r} on the UI thread (now, if already on it; otherwise later, in order). */
    void run(Runnable r);

    /** The JavaFX application thread. */
    static UiThread fx() {
        return r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        };
    }

    /** The calling thread (for tests without a window). */
    static UiThread direct() {
        return Runnable::run;
    }
}
