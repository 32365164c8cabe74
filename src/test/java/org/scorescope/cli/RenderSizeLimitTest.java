package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: 8 samplers at 4096×4096, scale 4, used to overflow int into NegativeArraySizeException.
 * Now the figure's size is computed in long and refused: exit 2, one line naming --size with the
 * size, nothing written.
 */
class RenderSizeLimitTest {
    @TempDir
    Path dir;

    @Test
    void eightSamplersAt4096AndScale4ExitTwoWithTheSizeAndWriteNothing() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("huge.png");
        int code = ScoreScopeCli.run(new PrintWriter(err, true), "render", "--target", "ring8", "--samplers",
                "ddpm,ddim,ddim-exact,accel-ddim,accel-ddim-ms,accel-ddpm,dpm-solver-1,dpm-solver-2", "--run-steps", "2", "--steps", "0",
                "--particles", "50", "--size", "4096x4096", "--scale", "4", "--out", out.toString());
        String msg = err.toString().strip();
        assertEquals(2, code, msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertTrue(msg.contains("--size") && msg.contains("66,624 × 33,416 px"), msg);
        assertFalse(msg.contains("Exception"), msg);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no figure, no scenario beside it, no temporary file");
        }
    }
}
