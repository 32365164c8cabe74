package org.scorescope.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the window in UI tests: poll a condition, fail with what was awaited. */
final class UiWait {
    private UiWait() {
    }

    /** Waits up to {@code seconds} for the condition. */
    static void until(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** Waits up to 60 s (generous: CI machines are loaded). */
    static void until(String what, BooleanSupplier condition) {
        until(what, 60, condition);
    }
}
