package org.scorescope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output layer: what it refuses, what it leaves behind, and that a command's files appear together. */
class OutputSessionTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(Path p, String text) {
        AtomicFile.write(p, w -> w.write(text));
    }

    @Test
    void aSymbolicLinkIsRefusedAndKept() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        BadInputException e = assertThrows(BadInputException.class, () -> write(link, "new"));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(real));
        assertEquals(List.of("link.csv", "real.csv"), names());
    }

    @Test
    void devNullIsRefusedAndStaysADevice() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REPLACE)) {
            BadInputException e = assertThrows(BadInputException.class, () -> s.claim(devNull, "--out"));
            assertEquals("--out: '/dev/null' is a device; ScoreScope writes only regular files and never replaces a device "
                    + "(standard output is --out -)", e.getMessage());
        }
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS), "/dev/null is still a device");
    }

    @Test
    void aFifoAndASocketAreRefused() throws Exception {
        Path fifo = dir.resolve("pipe");
        try {
            assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo");
        }
        BadInputException e = assertThrows(BadInputException.class, () -> write(fifo, "x"));
        assertTrue(e.getMessage().contains("is a FIFO"), e.getMessage());
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            BadInputException s = assertThrows(BadInputException.class, () -> write(socket, "x"));
            assertTrue(s.getMessage().contains("is a socket"), s.getMessage());
        }
        assertEquals(List.of("pipe", "sock"), names());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anExistingFileIsKeptWithoutReplaceAndReplacedWithIt() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "old");
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REFUSE)) {
            BadInputException e = assertThrows(BadInputException.class, () -> s.claim(f, "--out"));
            assertEquals("--out: '" + f + "' exists; add --force to replace it, or choose another name", e.getMessage());
        }
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REPLACE)) {
            s.claim(f, "--out");
            write(f, "new");
            assertEquals("old", Files.readString(f), "nothing appears before the commit");
            s.commit();
        }
        assertEquals("new", Files.readString(f));
        assertEquals(List.of("a.csv"), names());
    }

    @Test
    void anInputIsNeverReplaced() throws Exception {
        Path in = dir.resolve("s.json");
        Files.writeString(in, "{}");
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REPLACE)) {
            s.input(in, "--scenario");
            BadInputException e = assertThrows(BadInputException.class, () -> s.claim(dir.resolve("./s.json"), "--out"));
            assertTrue(e.getMessage().contains("is this command's input (--scenario)"), e.getMessage());
        }
        assertEquals("{}", Files.readString(in));
    }

    @Test
    void aSecondWriterOfTheSamePathFailsWhileTheFirstHoldsIt() throws Exception {
        Path f = dir.resolve("fig.png");
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch tried = new CountDownLatch(1);
        Throwable[] first = new Throwable[1];
        Thread t = new Thread(() -> {
            try (OutputSession s = OutputSession.open(OutputSession.Existing.REFUSE)) {
                s.claim(f, "--out");
                claimed.countDown();
                tried.await();
                write(f, "first");
                s.commit();
            } catch (Throwable e) {
                first[0] = e;
            }
        });
        t.start();
        claimed.await();
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REPLACE)) {
            BadInputException e = assertThrows(BadInputException.class, () -> s.claim(f, "--out"));
            assertTrue(e.getMessage().contains("is being written by another ScoreScope"), e.getMessage());
        } finally {
            tried.countDown();
        }
        t.join();
        assertEquals(null, first[0]);
        assertEquals("first", Files.readString(f));
        assertEquals(List.of("fig.png"), names());
    }

    @Test
    void staleTemporaryAndLockFilesOfAKilledRunAreTakenOver() throws Exception {
        Path f = dir.resolve("m.mp4");
        Files.writeString(dir.resolve(".m.mp4.tmp"), "half an old video");
        Files.writeString(dir.resolve(".m.mp4.lock"), "99999999\n");
        write(f, "video");
        assertEquals("video", Files.readString(f));
        assertEquals(List.of("m.mp4"), names());
    }

    @Test
    void filesOfASessionAppearTogetherOrNotAtAll() throws Exception {
        Path figure = dir.resolve("fig.png");
        Path beside = dir.resolve("fig.scenario.json");
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REFUSE)) {
            s.claim(figure, "--out");
            s.claim(beside, "--out");
            write(figure, "png");
            write(beside, "json");
            // The second name turns into a folder before the commit: the first file must not stay.
            Files.createDirectory(beside);
            assertThrows(BadInputException.class, s::commit);
        }
        assertEquals(List.of("fig.scenario.json"), names());
        assertTrue(Files.isDirectory(beside));
        Files.delete(beside);
        // Replacing: a failed commit restores the file it had replaced.
        Files.writeString(figure, "old png");
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REPLACE)) {
            s.claim(figure, "--out");
            s.claim(beside, "--out");
            write(figure, "new png");
            write(beside, "json");
            Files.createDirectory(beside);
            assertThrows(BadInputException.class, s::commit);
        }
        assertEquals("old png", Files.readString(figure));
        assertEquals(List.of("fig.png", "fig.scenario.json"), names());
    }

    @Test
    void anAbortedSessionLeavesNoTemporaryNoLockAndNoFolderItCreated() throws Exception {
        Path f = dir.resolve("new/deeper/out.csv");
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REFUSE)) {
            s.claim(f, "--out");
            assertTrue(Files.exists(dir.resolve("new/deeper/.out.csv.lock")));
            assertThrows(IllegalStateException.class, () -> AtomicFile.write(f, w -> {
                w.write("half");
                throw new IllegalStateException("the run failed");
            }));
        }
        assertEquals(List.of(), names());
        // A missing folder is created when the write succeeds.
        write(f, "ok");
        assertEquals("ok", Files.readString(f));
    }

    @Test
    void theShutdownPathAbortsAndAWriteAfterItIsStopped() throws Exception {
        Path f = dir.resolve("v.gif");
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REFUSE)) {
            s.claim(f, "--out");
            assertThrows(CancellationException.class, () -> AtomicFile.write(f, w -> {
                w.write("frame 1");
                s.abort(); // what the shutdown hook does on SIGTERM
                w.write("frame 2");
            }));
            assertEquals(List.of(), names(), "no temporary and no lock after the abort");
        }
        assertEquals(List.of(), names());
    }

    @Test
    void dashIsStandardOutputAndWrittenOnlyAtTheCommit() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (OutputSession s = OutputSession.open(OutputSession.Existing.REFUSE)) {
            s.claim(Path.of("-"), "--out");
            write(Path.of("-"), "x0\n1.5\n");
            assertEquals(0, bytes.size());
            s.commit();
        } finally {
            System.setOut(saved);
        }
        assertEquals("x0\n1.5\n", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws Exception {
        Files.writeString(dir.resolve("a"), "a file");
        BadInputException e = assertThrows(BadInputException.class, () -> write(dir.resolve("a/b.csv"), "x"));
        assertEquals("output: '" + dir.resolve("a") + "' is a file, not a folder", e.getMessage());
    }

    @Test
    void aReadOnlyFolderIsNamedNotTheTemporaryFile() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assumeTrue(ro.toFile().setWritable(false, false));
        try {
            assumeTrue(!Files.isWritable(ro), "running as root: permissions are not enforced");
            BadInputException e = assertThrows(BadInputException.class, () -> write(ro.resolve("x.csv"), "x"));
            assertEquals("output: cannot write '" + ro.resolve("x.csv") + "': permission denied (the folder '" + ro + "' is not writable)",
                    e.getMessage());
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void writeFailuresNameTheUsersPath() {
        Path f = dir.resolve("big.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicBinaryFile.write(f, out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write '" + f + "': no space left on device", e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"));
    }

    @Test
    void aChannelBodyWritesThroughTheSameLayer() throws Exception {
        Path f = dir.resolve("c.bin");
        AtomicBinaryFile.writeChannel(f, ch -> {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
            ch.position(0);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {9}));
        });
        assertArrayEquals(new byte[] {9, 2, 3}, Files.readAllBytes(f));
        assertEquals(List.of("c.bin"), names());
    }
}
