package org.scorescope;

import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.scorescope.cli.ScoreScopeCli;

/**
 * The program's entry point: no argument (or only application options such as
 * {@code --measure-ui 10}) opens the application, a command ({@code sample}, {@code sweep},
 * {@code bench}) runs headless.
 * Deliberately not a JavaFX {@code Application} subclass, so that {@code java -jar} works with
 * JavaFX on the class path.
 *
 * <p>The fast mixture kernel needs the incubating module {@code jdk.incubator.vector}, which
 * {@code java -jar} does not add and a manifest cannot add. When the runtime has the module but
 * the boot layer lacks it, the launcher starts the same command once more with
 * {@code --add-modules jdk.incubator.vector} and passes its exit code on. {@code
 * -Dscorescope.relaunch=false} turns this off (the scalar kernel then runs, equal to within 1 ulp
 * per exponential).
 */
public final class Launcher {
    private static final String VECTOR = "jdk.incubator.vector";

    private Launcher() {
    }

    /** Starts ScoreScope. */
    public static void main(String[] args) {
        Optional<Integer> relaunched = relaunchWithVectorModule();
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        if (args.length == 0 || !isCommand(args[0])) {
            try {
                org.scorescope.ui.ScoreScopeApp.launchApp(args);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                System.err.println("error: cannot open the application window (" + e.getMessage() + ").");
                System.err.println("Without a display, the headless commands work: sample, sweep, bench, render (scorescope --help).");
                System.exit(1);
            }
            System.exit(0);
            return;
        }
        System.exit(ScoreScopeCli.run(args));
    }

    /** Whether the first argument names a headless command (anything else is an application option). */
    static boolean isCommand(String first) {
        return List.of("sample", "sweep", "bench", "render", "help", "-h", "--help", "-V", "--version").contains(first);
    }

    private static Optional<Integer> relaunchWithVectorModule() {
        if (ModuleLayer.boot().findModule(VECTOR).isPresent()
                || "false".equals(System.getProperty("scorescope.relaunch"))
                || ModuleFinder.ofSystem().find(VECTOR).isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.add("--add-modules");
        command.add(VECTOR);
        command.add("-Dscorescope.relaunch=false");
        command.addAll(Arrays.asList(info.arguments().get()));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return Optional.of(child.waitFor());
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }
}
