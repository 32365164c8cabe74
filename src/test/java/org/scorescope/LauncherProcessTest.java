package org.scorescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user starts it, in real processes (started the way {@code java -jar} starts it,
 * so that it relaunches itself with the vector module): SIGTERM during an MP4 export leaves no
 * temporary file, {@code kill -9} of the launcher stops the relaunched child, a non-ASCII name under
 * the C locale is written as given.
 */
class LauncherProcessTest {
    @TempDir
    Path dir;
    @TempDir
    Path logs;

    private static final String RENDER_LONG = "render --target ring8 --samplers ddpm,ddim --run-steps 60 --particles 100000 --size 200x200";

    private Process start(String args, boolean relaunch, String... env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path")));
        if (!relaunch) {
            cmd.add("-Dscorescope.relaunch=false");
        }
        cmd.add("org.scorescope.Launcher");
        cmd.addAll(List.of(args.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("out.log").toFile()));
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        return pb.start();
    }

    private String log() throws Exception {
        Path log = logs.resolve("out.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private boolean waitFor(Path p, Process proc, int seconds) throws Exception {
        for (int i = 0; i < seconds * 10; i++) {
            if (Files.exists(p)) {
                return true;
            }
            if (!proc.isAlive()) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean relaunches() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                || java.lang.module.ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent();
    }

    /** Issue 11, must-show 2: SIGTERM during an MP4 export leaves no temporary (nor lock, nor half a video). */
    @Test
    void sigtermDuringAnMp4ExportLeavesNoTemporaryFile() throws Exception {
        Process p = start("render --target ring8 --samplers ddpm,ddim --run-steps 40 --particles 20000 --size 200x200 --out movie.mp4", true);
        try {
            // The MP4 is encoded in memory and then written through the output layer: stop it while it runs.
            assumeTrue(waitFor(dir.resolve(".movie.mp4.lock"), p, 240), "the export did not start in time: " + log());
            Thread.sleep(1500);
            assumeTrue(p.isAlive(), "the export finished before the signal");
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher stops on SIGTERM");
            for (int i = 0; i < 100 && !names().isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), names(), log());
            assertTrue(p.descendants().noneMatch(ProcessHandle::isAlive), "the child stopped too");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** kill -9 of the launcher: the relaunched child notices and exits, cleaning up after itself. */
    @Test
    void killingTheLauncherStopsTheRelaunchedChild() throws Exception {
        assumeTrue(relaunches(), "this runtime has no vector module, so there is no child");
        Process p = start(RENDER_LONG + " --out orphan.gif", true);
        try {
            assumeTrue(waitFor(dir.resolve(".orphan.gif.lock"), p, 240), "the render did not start in time: " + log());
            Optional<ProcessHandle> child = p.toHandle().children().findFirst();
            assertTrue(child.isPresent(), "the launcher relaunched itself: " + log());
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            boolean ended = child.get().onExit().toCompletableFuture().completeOnTimeout(null, 60, TimeUnit.SECONDS).join() != null
                    || !child.get().isAlive();
            assertTrue(ended && !child.get().isAlive(), "the child exits when its parent is killed");
            assertEquals(List.of(), names(), log());
            assertTrue(log().contains("the ScoreScope launcher (process " + p.pid() + ") ended; stopping"), log());
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Under LC_ALL=C Java cannot decode a non-ASCII argument; the relaunch writes the name as given, without it it is refused. */
    @Test
    void aNonAsciiNameUnderTheCLocaleIsWrittenAsGivenOrRefused() throws Exception {
        assumeTrue(new File("/proc/self/cmdline").exists(), "Linux only");
        String name = "caf\u00e9-\u00fc.csv";
        assumeTrue(StandardCharsets.UTF_8.name().equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "the test JVM must pass the name as UTF-8");
        Process refused = start("sample --target ring8 --sampler ddpm --steps 2 --particles 5 --out " + name, false, "LC_ALL", "C", "LANG", "C");
        assertTrue(refused.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, refused.exitValue(), log());
        assertTrue(log().contains("--out: the name '") && log().contains("use a UTF-8 locale (e.g. LC_ALL=C.UTF-8) or an ASCII name"), log());
        assertEquals(List.of(), names());
        Process written = start("sample --target ring8 --sampler ddpm --steps 2 --particles 5 --out " + name, true, "LC_ALL", "C", "LANG", "C");
        assertTrue(written.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, written.exitValue(), log());
        assertEquals(List.of(name), names());
        assertTrue(log().contains("wrote " + name + ":"), log());
        assertEquals(6, Files.readAllLines(dir.resolve(name)).size());
    }
}
