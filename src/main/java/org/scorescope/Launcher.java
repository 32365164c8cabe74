package org.scorescope;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.scorescope.cli.ScoreScopeCli;
import org.scorescope.scenario.NearestName;

/**
 * The program's entry point: no argument (or only application options such as
 * {@code --measure-ui 10}) opens the application, a command ({@code sample}, {@code sweep},
 * {@code bench}, {@code render}) runs headless, and anything else is refused with exit code 2, the
 * usage line and the nearest command ("did you mean 'sample'?"). Deliberately not a JavaFX
 * {@code Application} subclass, so that {@code java -jar} works with JavaFX on the class path.
 *
 * <p><b>Relaunch.</b> The fast mixture kernel needs the incubating module
 * {@code jdk.incubator.vector}, which {@code java -jar} does not add and a manifest cannot add.
 * When the runtime has the module but the boot layer lacks it, the launcher starts the same command
 * once more with {@code --add-modules jdk.incubator.vector} and passes its exit code on.
 * {@code -Dscorescope.relaunch=false} turns this off (the scalar kernel then runs, bit-identical).
 * The child watches its parent and exits when it ends, even by {@code kill -9}; SIGTERM or Ctrl-C
 * of the parent stops the child, whose output layer then removes its temporary files.
 *
 * <p><b>Non-ASCII arguments under a C/POSIX locale.</b> Java then decodes the command line as ASCII
 * and every non-ASCII byte becomes U+FFFD, so a file name would be written as "??". When it
 * relaunches, the launcher passes the command line's own bytes (from {@code /proc/self/cmdline},
 * as UTF-8) to a child started under {@code LC_ALL=C.UTF-8}, which writes the names as given;
 * without a relaunch such a name is refused with a message.
 */
public final class Launcher {
    private static final String VECTOR = "jdk.incubator.vector";
    private static final List<String> CLI_FIRST = List.of("-h", "--help", "-V", "--version");

    private Launcher() {
    }

    /** Starts ScoreScope. */
    public static void main(String[] args) {
        watchParent();
        String[] effective = argumentsFromParent(args);
        PrintWriter err = new PrintWriter(System.err, true);
        Optional<String> refusal = refusal(effective);
        if (refusal.isPresent()) {
            err.println(refusal.get());
            err.println(ScoreScopeCli.usage());
            System.exit(ScoreScopeCli.BAD_INPUT);
        }
        Optional<Integer> relaunched = relaunch(effective);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        OptionalInt code = headless(err, effective);
        if (code.isPresent()) {
            System.exit(code.getAsInt());
        }
        try {
            org.scorescope.ui.ScoreScopeApp.launchApp(effective);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("error: cannot open the application window (" + e.getMessage() + ").");
            System.err.println("Without a display, the headless commands work: sample, sweep, bench, render (scorescope --help).");
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Runs a headless command, or refuses what is neither a command nor an application option.
     *
     * @return the exit code, or empty when the arguments open the application
     */
    public static OptionalInt headless(PrintWriter err, String... args) {
        Optional<String> refusal = refusal(args);
        if (refusal.isPresent()) {
            err.println(refusal.get());
            err.println(ScoreScopeCli.usage());
            return OptionalInt.of(ScoreScopeCli.BAD_INPUT);
        }
        if (args.length > 0 && isCommand(args[0])) {
            return OptionalInt.of(ScoreScopeCli.run(err, args));
        }
        return OptionalInt.empty();
    }

    /** The error line for arguments that are neither a command nor valid application options. */
    static Optional<String> refusal(String[] args) {
        if (args.length == 0 || isCommand(args[0])) {
            return Optional.empty();
        }
        if (!args[0].startsWith("-")) {
            return Optional.of("error: " + NearestName.unknown("command", args[0], ScoreScopeCli.COMMANDS));
        }
        try {
            org.scorescope.ui.UiOptions.parse(List.of(args));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            if (msg != null && msg.startsWith("unknown option '")) {
                String option = msg.substring(16, msg.indexOf('\'', 16));
                List<String> known = new ArrayList<>(org.scorescope.ui.UiOptions.NAMES);
                String hint = NearestName.hint(option, known);
                if (hint.isEmpty()) {
                    hint = NearestName.hint(option.replaceFirst("^-+", ""), ScoreScopeCli.COMMANDS);
                }
                return Optional.of("error: " + option + ": unknown option" + hint + " (the application takes "
                        + String.join(", ", known) + "; the commands are " + String.join(", ", ScoreScopeCli.COMMANDS) + ")");
            }
            return Optional.of("error: " + msg);
        }
    }

    /** Whether the first argument names a headless command (anything else is an application option). */
    static boolean isCommand(String first) {
        return ScoreScopeCli.COMMANDS.contains(first) || CLI_FIRST.contains(first);
    }

    // ---- the relaunched child ------------------------------------------------------------------

    /** In a relaunched child: exit when the launcher that started it ends (even by kill -9). */
    private static void watchParent() {
        String pid = System.getProperty("scorescope.parent");
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return;
        }
        if (parent.isEmpty() || !parent.get().isAlive()) {
            System.exit(143);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("error: the ScoreScope launcher (process " + pid + ") ended; stopping");
            System.exit(143);
        });
    }

    /** The arguments as the parent read them from its command line's bytes, or the given ones. */
    private static String[] argumentsFromParent(String[] args) {
        String encoded = System.getProperty("scorescope.argv");
        if (encoded == null) {
            return args;
        }
        if (encoded.isEmpty()) {
            return new String[0];
        }
        return Arrays.stream(encoded.split(",", -1))
                .map(a -> new String(Base64.getDecoder().decode(a), StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    // ---- the parent -----------------------------------------------------------------------------

    private static Optional<Integer> relaunch(String[] args) {
        if ("false".equals(System.getProperty("scorescope.relaunch"))) {
            return Optional.empty();
        }
        boolean vector = ModuleLayer.boot().findModule(VECTOR).isEmpty() && ModuleFinder.ofSystem().find(VECTOR).isPresent();
        Optional<String[]> raw = undecodable(args) ? rawArguments(args.length) : Optional.empty();
        if (!vector && raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> self = ownCommandLine();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(self.get().get(0));
        if (vector) {
            command.add("--add-modules");
            command.add(VECTOR);
        }
        command.add("-Dscorescope.relaunch=false");
        command.add("-Dscorescope.parent=" + ProcessHandle.current().pid());
        raw.ifPresent(a -> command.add("-Dscorescope.argv=" + String.join(",",
                Arrays.stream(a).map(s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))).toList())));
        command.addAll(self.get().subList(1, self.get().size()));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        if (raw.isPresent()) {
            pb.environment().put("LC_ALL", "C.UTF-8");
        }
        try {
            Process child = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "scorescope-stop-child"));
            return Optional.of(child.waitFor());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /**
     * This JVM's command line: the program and its arguments. {@link ProcessHandle.Info} gives no
     * arguments when the command line is longer than its buffer (a long class path), so on Linux
     * {@code /proc/self/cmdline} is read instead.
     */
    private static Optional<List<String>> ownCommandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isPresent() && info.arguments().isPresent()) {
            List<String> all = new ArrayList<>();
            all.add(info.command().get());
            all.addAll(Arrays.asList(info.arguments().get()));
            return Optional.of(all);
        }
        Optional<List<String>> proc = procCommandLine();
        if (proc.isEmpty() || proc.get().isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(proc.get());
        info.command().ifPresent(c -> all.set(0, c));
        return Optional.of(all);
    }

    /** Whether Java could not decode some argument (a C/POSIX locale and non-ASCII bytes). */
    private static boolean undecodable(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.indexOf('\uFFFD') >= 0)
                && !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
    }

    /** The last {@code count} arguments of this process's command line, decoded as UTF-8 (Linux). */
    private static Optional<String[]> rawArguments(int count) {
        return procCommandLine().filter(all -> all.size() >= count)
                .map(all -> all.subList(all.size() - count, all.size()).toArray(new String[0]));
    }

    /** {@code /proc/self/cmdline}, decoded as UTF-8, or empty where there is none. */
    private static Optional<List<String>> procCommandLine() {
        try {
            byte[] all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == 0) {
                    parts.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return Optional.of(parts);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
