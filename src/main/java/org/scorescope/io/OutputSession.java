package org.scorescope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output layer: every file ScoreScope writes goes through a session, which makes a command's
 * outputs safe and all-or-nothing.
 *
 * <ol>
 * <li><b>Claim</b> each output before any work ({@link #claim}): a symbolic link, a device such as
 * {@code /dev/null}, a FIFO, a socket or a folder is refused (the path {@value #STDOUT} means
 * standard output); an existing file is refused unless the session replaces files
 * ({@link Existing#REPLACE}, the CLI's {@code --force}); a file the command reads
 * ({@link #input}) is refused; missing folders are created; the path is locked
 * ({@link OutputLock}) so that a second writer fails with a message; a stale {@code .NAME.tmp} left
 * by a killed process is removed.</li>
 * <li><b>Stage</b>: {@link AtomicBinaryFile} and {@link AtomicFile} called on the session's thread
 * write each output to its hidden temporary {@code .NAME.tmp} in the same folder.</li>
 * <li><b>Commit</b> ({@link #commit}): every staged file is renamed into place; if one rename fails
 * the ones before it are undone, so a command leaves all its files or none. Without
 * {@link Existing#REPLACE} the rename is a hard link that fails if the name appeared meanwhile.</li>
 * <li><b>Close</b> without commit (an error, a cancel, Ctrl-C or SIGTERM through the shutdown
 * hook) deletes the temporaries, the locks and the folders the session created.</li>
 * </ol>
 *
 * Messages name the user's path and never a temporary file. Refusals are
 * {@link BadInputException}s (the CLI exits with 2); a failure while writing (a full disk) is an
 * {@link UncheckedIOException}.
 *
 * <pre>
 * try (OutputSession out = OutputSession.open(force ? Existing.REPLACE : Existing.REFUSE)) {
 *     out.input(scenarioFile, "--scenario");
 *     out.claim(csv, "--out");                 // before the long computation
 *     ... AtomicFile.write(csv, w -&gt; ...);     // staged
 *     out.commit();
 * }
 * </pre>
 */
public final class OutputSession implements AutoCloseable {
    /** The path that stands for standard output. */
    public static final String STDOUT = "-";

    /** What a claim does with an existing regular file. */
    public enum Existing {
        /** refuse it (the CLI without {@code --force}) */
        REFUSE,
        /** replace it (the CLI's {@code --force}; the application after its save dialog asked) */
        REPLACE
    }

    /** Writes an output through a seekable channel (positioned at 0, empty). */
    @FunctionalInterface
    public interface ChannelBody {
        /** Writes the content. */
        void write(FileChannel channel) throws IOException;
    }

    private enum State { OPEN, COMMITTED, ABORTED }

    private static final ThreadLocal<OutputSession> CURRENT = new ThreadLocal<>();
    private static final Set<OutputSession> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OutputSession::abortAll, "scorescope-output-cleanup"));
    }

    private final Existing existing;
    private final Thread owner;
    private final OutputSession outer;
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final List<Path> createdFolders = new ArrayList<>();
    private State state = State.OPEN;

    private static final class Claim {
        final Path target;
        final String shown;
        final String label;
        OutputLock lock;
        Path temp;
        boolean staged;

        Claim(Path target, String shown, String label) {
            this.target = target;
            this.shown = shown;
            this.label = label;
        }

        boolean stdout() {
            return target == null;
        }
    }

    private OutputSession(Existing existing) {
        this.existing = existing;
        this.owner = Thread.currentThread();
        this.outer = CURRENT.get();
    }

    /** Opens a session bound to the calling thread (writes on this thread are staged in it). */
    public static OutputSession open(Existing existing) {
        OutputSession s = new OutputSession(existing);
        CURRENT.set(s);
        LIVE.add(s);
        return s;
    }

    /** The open session of the calling thread, or null. */
    static OutputSession current() {
        OutputSession s = CURRENT.get();
        return s != null && s.isOpen() ? s : null;
    }

    private synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    /** Whether a path stands for standard output ({@value #STDOUT}). */
    public static boolean isStdout(Path p) {
        return p != null && p.toString().equals(STDOUT);
    }

    /** A file the command reads: no output of this session may replace it. */
    public synchronized void input(Path file, String flag) {
        if (file != null && !isStdout(file)) {
            inputs.put(file.toAbsolutePath().normalize(), flag);
        }
    }

    /**
     * Claims an output path: checks it, creates its missing folders and locks it (see the class
     * comment). Claiming the same path twice is harmless.
     *
     * @param target the path as the user gave it; {@value #STDOUT} for standard output
     * @param label the flag or field that named it, for messages ({@code --out})
     * @throws BadInputException when the path cannot or may not be written
     */
    public synchronized void claim(Path target, String label) {
        claim(target, label, false);
    }

    /**
     * Claims an output that is also an input of the command, which the user has allowed to be
     * replaced (render's {@code --force} when the scenario beside the figure is the input scenario).
     */
    public synchronized void claimReplacingInput(Path target, String label) {
        claim(target, label, true);
    }

    private void claim(Path target, String label, boolean mayReplaceInput) {
        ensureOpen();
        if (isStdout(target)) {
            claims.putIfAbsent(STDOUT, new Claim(null, "standard output", label));
            return;
        }
        String shown = target.toString();
        if (shown.isBlank()) {
            throw new BadInputException(label, "give a file name");
        }
        if (shown.indexOf('\uFFFD') >= 0 || !encodable(shown)) {
            throw new BadInputException(label, "the name '" + shown + "' has characters that cannot be written under the current locale ("
                    + System.getProperty("sun.jnu.encoding") + "); use a UTF-8 locale (e.g. LC_ALL=C.UTF-8) or an ASCII name");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (claims.containsKey(abs.toString())) {
            return;
        }
        if (abs.getFileName() == null) {
            throw new BadInputException(label, "'" + shown + "' is a folder; give a file name");
        }
        String kind = FileProblems.nonRegularKind(abs);
        if (kind != null) {
            throw new BadInputException(label, "'" + shown + "' is " + kind + "; ScoreScope writes only regular files"
                    + (kind.equals("a folder") ? "" : " and never replaces " + kind) + " (standard output is " + label + " " + STDOUT + ")");
        }
        boolean exists = Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
        if (exists && !mayReplaceInput) {
            for (Map.Entry<Path, String> in : inputs.entrySet()) {
                if (sameFile(abs, in.getKey())) {
                    throw new BadInputException(label, "'" + shown + "' is this command's input (" + in.getValue()
                            + "); write to another file");
                }
            }
        }
        if (exists) {
            if (existing == Existing.REFUSE) {
                throw new BadInputException(label, "'" + shown + "' exists; add --force to replace it, or choose another name");
            }
        }
        Claim c = new Claim(abs, shown, label);
        createFolders(abs.getParent(), label);
        OutputLock.Attempt attempt;
        try {
            attempt = OutputLock.tryAcquire(abs);
        } catch (IOException e) {
            throw new BadInputException(label, "cannot write '" + shown + "': " + FileProblems.reason(e)
                    + (e instanceof AccessDeniedException ? " (the folder '" + abs.getParent() + "' is not writable)" : ""));
        }
        if (attempt.lock() == null) {
            throw new BadInputException(label, "'" + shown + "' is being written by another ScoreScope" + attempt.holder()
                    + "; wait for it to finish or choose another name");
        }
        c.lock = attempt.lock();
        claims.put(abs.toString(), c);
        deleteQuietly(tempOf(abs));
    }

    private static boolean encodable(String s) {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder().canEncode(s);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.equals(b);
        }
    }

    private void createFolders(Path parent, String label) {
        List<Path> missing = new ArrayList<>();
        Path p = parent;
        while (p != null && !Files.exists(p)) {
            missing.add(p);
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new BadInputException(label, "'" + p + "' is a file, not a folder");
        }
        Collections.reverse(missing);
        for (Path m : missing) {
            try {
                Files.createDirectory(m);
                createdFolders.add(m);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(m)) {
                    throw new BadInputException(label, "'" + m + "' is a file, not a folder");
                }
            } catch (IOException e) {
                throw new BadInputException(label, "cannot create the folder '" + m + "': " + FileProblems.reason(e));
            }
        }
    }

    /** The hidden temporary of an output: {@code .NAME.tmp} in the same folder. */
    static Path tempOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /**
     * Writes one output to its temporary (claiming it first if needed). Called by
     * {@link AtomicBinaryFile}.
     */
    void stage(Path target, ChannelBody body) {
        Claim c;
        FileChannel ch;
        synchronized (this) {
            ensureOpen();
            claim(target, target.toString());
            c = claims.get(isStdout(target) ? STDOUT : target.toAbsolutePath().normalize().toString());
            try {
                if (c.stdout() && c.temp == null) {
                    c.temp = Files.createTempFile("scorescope-stdout-", ".tmp");
                } else if (!c.stdout()) {
                    c.temp = tempOf(c.target);
                }
                ch = FileChannel.open(c.temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write '" + c.shown + "': " + FileProblems.reason(e), e);
            }
        }
        try (FileChannel open = ch) {
            body.write(open);
            if (open.isOpen()) {
                open.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write '" + c.shown + "': " + FileProblems.reason(e), e);
        }
        synchronized (this) {
            if (state != State.OPEN) {
                deleteQuietly(c.temp);
                throw new CancellationException("stopped before '" + c.shown + "' was complete");
            }
            c.staged = true;
        }
    }

    /**
     * Puts every staged output in place, all or none; then releases the locks. Claimed outputs that
     * were never written are left alone.
     *
     * @throws UncheckedIOException when a file cannot be put in place (nothing is left changed)
     */
    public synchronized void commit() {
        ensureOpen();
        List<Claim> files = new ArrayList<>();
        Claim stdout = null;
        for (Claim c : claims.values()) {
            if (c.staged && c.stdout()) {
                stdout = c;
            } else if (c.staged) {
                files.add(c);
            }
        }
        List<Runnable> undo = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        Claim current = null;
        try {
            for (Claim c : files) {
                current = c;
                String kind = FileProblems.nonRegularKind(c.target);
                if (kind != null) {
                    throw new BadInputException(c.label, "'" + c.shown + "' became " + kind + " meanwhile; nothing was written");
                }
                if (existing == Existing.REFUSE) {
                    placeNew(c);
                    undo.add(() -> deleteQuietly(c.target));
                } else {
                    Path backup = files.size() > 1 && Files.exists(c.target, LinkOption.NOFOLLOW_LINKS) ? backup(c.target) : null;
                    if (backup != null) {
                        backups.add(backup);
                    }
                    moveReplacing(c.temp, c.target);
                    undo.add(backup == null ? () -> deleteQuietly(c.target) : () -> restore(backup, c.target));
                }
            }
        } catch (IOException e) {
            rollBack(undo);
            throw new UncheckedIOException("cannot write '" + current.shown + "': " + FileProblems.reason(e) + "; nothing was written", e);
        } catch (RuntimeException e) {
            rollBack(undo);
            throw e;
        } finally {
            backups.forEach(OutputSession::deleteQuietly);
        }
        state = State.COMMITTED;
        try {
            if (stdout != null) {
                try {
                    OutputStream out = System.out;
                    Files.copy(stdout.temp, out);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write to standard output: " + FileProblems.reason(e), e);
                }
            }
        } finally {
            releaseAll();
        }
    }

    private void placeNew(Claim c) throws IOException {
        try {
            Files.createLink(c.target, c.temp);
            Files.delete(c.temp);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(c.label, "'" + c.shown + "' was created by another program meanwhile; nothing was written");
        } catch (UnsupportedOperationException | IOException e) {
            // No hard links on this file system: a plain rename that refuses an existing name.
            if (Files.exists(c.target, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(c.label, "'" + c.shown + "' was created by another program meanwhile; nothing was written");
            }
            Files.move(c.temp, c.target);
        }
    }

    private static Path backup(Path target) throws IOException {
        Path b = target.resolveSibling("." + target.getFileName() + ".bak");
        Files.deleteIfExists(b);
        try {
            Files.createLink(b, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, b, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
        return b;
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restore(Path backup, Path target) {
        try {
            moveReplacing(backup, target);
        } catch (IOException e) {
            // best effort
        }
    }

    private static void rollBack(List<Runnable> undo) {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }

    /** Gives up: deletes temporaries, locks and created folders. Nothing happens after a commit. */
    public synchronized void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        for (Claim c : claims.values()) {
            if (c.temp != null) {
                deleteQuietly(c.temp);
            }
        }
        releaseAll();
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdFolders.get(i));
            } catch (IOException e) {
                // not empty, or gone: leave it
            }
        }
    }

    private void releaseAll() {
        for (Claim c : claims.values()) {
            if (c.lock != null) {
                c.lock.release();
                c.lock = null;
            }
            if (c.stdout() && c.temp != null) {
                deleteQuietly(c.temp);
            }
        }
        LIVE.remove(this);
    }

    /** Aborts unless committed, and unbinds the session from its thread. */
    @Override
    public void close() {
        abort();
        synchronized (this) {
            LIVE.remove(this);
        }
        if (Thread.currentThread() == owner && CURRENT.get() == this) {
            if (outer != null) {
                CURRENT.set(outer);
            } else {
                CURRENT.remove();
            }
        }
    }

    private void ensureOpen() {
        if (state == State.ABORTED) {
            throw new CancellationException("the output session was stopped");
        }
        if (state != State.OPEN) {
            throw new IllegalStateException("the output session is already committed");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }

    /** The shutdown hook: Ctrl-C or SIGTERM leaves no temporary, lock or half-written output. */
    private static void abortAll() {
        for (OutputSession s : LIVE.toArray(new OutputSession[0])) {
            s.abort();
        }
    }
}
