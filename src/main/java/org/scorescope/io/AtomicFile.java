package org.scorescope.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a text file under a temporary name in the same folder and renames it into place when
 * complete (through {@link AtomicBinaryFile}), so that a failure never leaves a half-written file.
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
