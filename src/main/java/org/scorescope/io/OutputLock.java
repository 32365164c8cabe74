package org.scorescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The exclusive claim on one output path: an OS lock ({@code fcntl}) on the hidden file
 * {@code .NAME.lock} beside it, held from the moment a command claims the output until it has
 * committed or given up, then deleted. A second writer (another process, or another thread of this
 * one) fails at once instead of silently replacing the first one's file. A lock file left by a
 * killed process holds no OS lock and is taken over.
 *
 * <p>Deleting a lock file while another process has it open but not yet locked would let that
 * process lock a deleted file; so after locking, the holder writes a unique token into its file and
 * reads it back through the path: a different content means the path now names another file, and
 * it tries again.
 */
final class OutputLock {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an output: {@code .NAME.lock} in the same folder. */
    static Path lockFileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code target}.
     *
     * @return the lock, or null when another writer holds it (see {@link #holder})
     * @throws IOException when the lock file cannot be created (e.g. a read-only folder)
     */
    static OutputLock tryAcquire(Path target) throws IOException {
        Path file = lockFileOf(target);
        for (int attempt = 0; attempt < 8; attempt++) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return null;
            }
            String token = ProcessHandle.current().pid() + " " + UUID.randomUUID();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            if (token.equals(readQuietly(file))) {
                return new OutputLock(file, ch, l);
            }
            l.release();
            ch.close();
        }
        throw new IOException("the lock file keeps changing");
    }

    /** " (process 1234)" for the process that holds the lock of {@code target}, or "". */
    static String holder(Path target) {
        String s = readQuietly(lockFileOf(target));
        if (s == null) {
            return "";
        }
        int space = s.indexOf(' ');
        return space > 0 && s.substring(0, space).chars().allMatch(Character::isDigit) ? " (process " + s.substring(0, space) + ")" : "";
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Deletes the lock file (while still holding it) and releases the lock. */
    void release() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: a stale lock file holds no lock and is taken over next time
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            // best effort
        }
    }
}
