package org.scorescope.ui.service;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way a failure reaches the user: every failure is written to the log with its stack trace
 * (logger {@code org.scorescope}) and shown through the {@link DialogService} on the UI thread. A
 * failure that repeats (the same context and message, e.g. a layer that throws on every frame) is
 * shown once as a dialog and afterwards only in the status line, so the window stays usable.
 */
public final class Failures {
    /** The application's logger; the application adds a file handler (see {@link #logFile()}). */
    public static final Logger LOG = Logger.getLogger("org.scorescope");

    private final UiThread ui;
    private final DialogService dialogs;
    private final Consumer<String> status;
    private final Set<String> shown = new HashSet<>();
    private static volatile String logFile;

    /**
     * @param ui where dialogs are shown
     * @param dialogs the dialog service
     * @param status the status line (repeated failures go there)
     */
    public Failures(UiThread ui, DialogService dialogs, Consumer<String> status) {
        this.ui = ui;
        this.dialogs = dialogs;
        this.status = status;
    }

    /** Where the log is written, for messages ("details in …"), or null when it goes to the console. */
    public static String logFile() {
        return logFile;
    }

    /** Records where the log file is (set by the application when it adds the file handler). */
    public static void setLogFile(String path) {
        logFile = path;
    }

    /**
     * Reports a failure from any thread. Cancellations are not failures and are ignored.
     *
     * @param what what was being done, in plain words ("The run stopped", "Export failed")
     * @param error the failure
     */
    public void report(String what, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException) {
            return;
        }
        LOG.log(Level.SEVERE, what + " on " + Thread.currentThread().getName(), cause);
        String line = oneLine(cause);
        ui.run(() -> {
            String key = what + "\n" + line;
            if (shown.add(key)) {
                status.accept(what + ": " + line);
                dialogs.showError(what, line + where(), cause);
            } else {
                status.accept(what + " (again): " + line);
            }
        });
    }

    private static String where() {
        String f = logFile;
        return f == null ? "" : "\n\nThe details are in the log: " + f;
    }

    /** The cause a user should read: the first exception that is not a wrapper. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The cause in one line: its message, or its type when it has none. Never a stack trace. */
    public static String oneLine(Throwable e) {
        Throwable t = unwrap(e);
        String m = t.getMessage();
        String type = t.getClass().getSimpleName();
        if (m == null || m.isBlank()) {
            return type;
        }
        m = m.strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        boolean plain = t instanceof org.scorescope.scenario.ScenarioException || t instanceof java.io.UncheckedIOException
                || t instanceof IllegalArgumentException;
        return plain ? m : type + ": " + m;
    }
}
