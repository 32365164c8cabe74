package org.scorescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relaunched child's standard error reaches the user without the JVM's incubator notice (issue 20). */
class StartupNoticesTest {
    @TempDir
    Path dir;

    private static String filtered(String childErr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StartupNotices.copyWithout(new ByteArrayInputStream(childErr.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dropsOnlyTheIncubatorNoticeAmongTheFirstLines() {
        assertEquals("error: x\n", filtered(StartupNotices.INCUBATOR + "\nerror: x\n"));
        assertEquals("Picked up JAVA_TOOL_OPTIONS: -Dy=1\nrow\n",
                filtered("Picked up JAVA_TOOL_OPTIONS: -Dy=1\n" + StartupNotices.INCUBATOR + "\nrow\n"));
        // Later lines (the program's own output) pass as they are, even the same text, and partial lines pass too.
        assertEquals("a\nb\n" + StartupNotices.INCUBATOR + "\nprogress 50%\r",
                filtered("a\nb\n" + StartupNotices.INCUBATOR + "\nprogress 50%\r"));
        assertEquals("", filtered(StartupNotices.INCUBATOR + "\n"));
        assertEquals("no newline", filtered("no newline"));
    }

    @Test
    void aRelaunchedCommandPrintsNoJvmWarning() throws Exception {
        assumeTrue(java.lang.module.ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent(), "no vector module: no relaunch");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.scorescope.Launcher",
                "sample", "--target", "ring8", "--sampler", "ddpm", "--steps", "2", "--particles", "5", "--out", "s.csv"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("err.log").toFile())
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.log"));
        assertEquals(0, p.exitValue(), err);
        assertTrue(p.toHandle().descendants().count() == 0);
        assertFalse(err.contains("WARNING"), err);
        assertTrue(Files.readString(dir.resolve("out.log")).startsWith("wrote s.csv"), Files.readString(dir.resolve("out.log")));
    }
}
