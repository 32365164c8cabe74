package org.scorescope.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;

/**
 * Writes one output file through the output layer ({@link OutputSession}): under a hidden
 * temporary name in the same folder, renamed into place when complete, so that a failure never
 * leaves a half-written file, and never onto a symbolic link, a device, a FIFO or a socket.
 *
 * <p>On a thread with an open session (the CLI commands) the file is staged in that session and
 * appears at its commit, together with the command's other outputs, under the session's policy for
 * existing files. Otherwise (the application, whose save dialogs ask before replacing) the file is
 * written at once in a session of its own that replaces an existing regular file.
 */
public final class AtomicBinaryFile {
    /** Writes the bytes. */
    @FunctionalInterface
    public interface Body {
        /** Writes the content. */
        void write(OutputStream out) throws IOException;
    }

    private AtomicBinaryFile() {
    }

    /** Writes {@code target} through a stream. */
    public static void write(Path target, Body body) {
        writeChannel(target, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.write(out);
            out.flush();
        });
    }

    /**
     * Writes {@code target} through a seekable channel, for encoders that seek back (MP4). The
     * channel is closed by the output layer.
     */
    public static void writeChannel(Path target, OutputSession.ChannelBody body) {
        OutputSession session = OutputSession.current();
        if (session != null) {
            session.stage(target, body);
            return;
        }
        try (OutputSession own = OutputSession.open(OutputSession.Existing.REPLACE)) {
            own.claim(target, "output");
            own.stage(target, body);
            own.commit();
        }
    }
}
