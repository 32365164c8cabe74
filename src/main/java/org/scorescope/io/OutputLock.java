package org.scorescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive claim on one output path: an OS lock ({@code fcntl}) on the hidden file
 * {@code .NAME.lock} beside it, held from the moment a command claims the output until it has
 * committed or given up, then deleted. A second writer, in another process or in another thread of
 * this one, fails at once instead of silently replacing the first one's file. A lock file left by a
 * killed process holds no OS lock and is taken over.
 *
 * <p>Two properties of POSIX locks shape the protocol. They belong to the process, and closing
 * <em>any</em> descriptor of the file releases them: so within this JVM a path is claimed in a
 * registry first, and the holder never opens its lock file a second time. And a holder deletes the
 * lock file before releasing it, so a contender may lock a file that is already deleted: so the
 * file's identity (device and inode) is read from its path before opening and again after locking,
 * and the claim holds only if both agree.
 */
final class OutputLock {
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** The outcome of an attempt: the lock, or who holds it. */
    record Attempt(OutputLock lock, String holder) {
    }

    /** The lock file of an output: {@code .NAME.lock} in the same folder. */
    static Path lockFileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code target} (an absolute, normalized path).
     *
     * @return the lock, or, when another writer holds it, a description of that writer
     * @throws IOException when the lock file cannot be created (e.g. a read-only folder)
     */
    static Attempt tryAcquire(Path target) throws IOException {
        Path file = lockFileOf(target);
        if (!HELD_HERE.add(file)) {
            return new Attempt(null, " (in this process)");
        }
        boolean done = false;
        try {
            for (int attempt = 0; attempt < 16; attempt++) {
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    // an earlier writer's file: locked by it, or stale
                }
                Object before = identity(file);
                if (before == null) {
                    continue;
                }
                FileChannel ch;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    return new Attempt(null, holder(file));
                }
                if (Objects.equals(before, identity(file))) {
                    byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(pid), 0);
                    done = true;
                    return new Attempt(new OutputLock(file, ch, l), "");
                }
                ch.close();
            }
            throw new IOException("its lock file " + file.getFileName() + " keeps changing");
        } finally {
            if (!done) {
                HELD_HERE.remove(file);
            }
        }
    }

    private static Object identity(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** " (process 1234)" for the process whose number is in the lock file, or "". */
    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return !s.isEmpty() && s.chars().allMatch(Character::isDigit) ? " (process " + s + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
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
        HELD_HERE.remove(path);
    }
}
