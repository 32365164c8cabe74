package org.scorescope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scorescope.io.OutputSession;
import org.scorescope.scenario.ScenarioException;

/** Refuses an output the disk cannot hold, before the run that would fill it. */
final class OutputSpace {
    private OutputSpace() {
    }

    /**
     * @param out the output path (standard output is not checked)
     * @param bytes the estimated size
     * @param flag the flag that makes it large
     * @param advice what lowers it
     */
    static void check(Path out, long bytes, String flag, String advice) {
        if (OutputSession.isStdout(out)) {
            return;
        }
        Path dir = out.toAbsolutePath().getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return;
        }
        if (bytes > free) {
            throw new ScenarioException(flag, "'" + out + "' would be about " + size(bytes) + " but its disk has " + size(free) + " free; " + advice);
        }
    }

    static String size(long bytes) {
        double g = bytes / (double) (1L << 30);
        return g >= 1 ? String.format(Locale.ROOT, "%.1f GiB", g) : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
    }
}
