package org.scorescope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Passes a relaunched child's standard error on, without the JVM's start-up notice for the
 * incubating Vector API ({@value #INCUBATOR}), which JDK 17 prints whenever
 * {@code jdk.incubator.vector} is resolved, however it is added. Only the first
 * {@value #NOTICE_LINES} lines are looked at (the JVM prints its notices before {@code main});
 * everything after them is copied as it arrives, byte for byte.
 */
final class StartupNotices {
    /** The JVM's notice, dropped. */
    static final String INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector";
    /** The child lines inspected (a "Picked up JAVA_TOOL_OPTIONS" notice can precede the incubator one). */
    static final int NOTICE_LINES = 2;
    private static final List<String> DROPPED = List.of(INCUBATOR);

    private StartupNotices() {
    }

    /** Copies {@code in} to {@code out} until the end, dropping the notice among the first lines. */
    static void copyWithout(InputStream in, OutputStream out) {
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int lines = 0;
            int b;
            while (lines < NOTICE_LINES && (b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    lines++;
                    String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                    if (!DROPPED.contains(text)) {
                        out.write(line.toByteArray());
                        out.flush();
                    }
                    line.reset();
                }
            }
            out.write(line.toByteArray());
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            out.flush();
        } catch (IOException e) {
            // the child ended or its pipe closed: nothing more to pass on
        }
    }
}
