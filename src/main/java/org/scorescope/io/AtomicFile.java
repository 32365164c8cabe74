package org.scorescope.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a UTF-8 text file through the output layer ({@link AtomicBinaryFile}, {@link OutputSession}):
 * temporary name and rename, never onto a non-regular file, staged in the thread's session if any.
 */
public final class AtomicFile {
    /** Writes text through the given writer body. */
    @FunctionalInterface
    public interface Body {
        /** Writes the content. */
        void write(BufferedWriter out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} atomically, UTF-8. */
    public static void write(Path target, Body body) {
        AtomicBinaryFile.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }
}
