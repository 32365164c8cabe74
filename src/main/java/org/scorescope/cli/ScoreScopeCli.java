package org.scorescope.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.scorescope.io.BadInputException;
import org.scorescope.scenario.NearestName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The headless entry point: {@code scorescope sample|sweep|bench|render …}.
 *
 * <p>The contract: a result exits 0; input the user can fix (an unknown command or option, a bad
 * value, a bad scenario file, an output that may not be written, a run the heap cannot hold) exits
 * {@value #BAD_INPUT} with one line {@code error: FIELD: what is wrong and what is allowed} (plus,
 * for a mistyped command line, one {@code usage:} line) and writes nothing; a failure of the
 * machine (a full disk) exits 1 with one line. No stack trace is ever printed.
 */
@Command(name = "scorescope", mixinStandardHelpOptions = true, version = "ScoreScope 0.1",
        description = "Diffusion-model samplers on targets with closed-form scores. With no command, opens the application.",
        subcommands = {SampleCommand.class, SweepCommand.class, BenchCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class ScoreScopeCli {
    /** Exit code for input the user can fix (bad flag, bad scenario file, refused output). */
    public static final int BAD_INPUT = 2;
    /** The headless commands. */
    public static final List<String> COMMANDS = List.of("sample", "sweep", "bench", "render", "help");

    private ScoreScopeCli() {
    }

    /** The one-line usage of the program. */
    public static String usage() {
        return "usage: scorescope [sample|sweep|bench|render|help] [OPTIONS]  (no command opens the application; scorescope --help)";
    }

    /** A configured command line whose errors are one plain message and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ScoreScopeCli());
        cl.registerConverter(java.nio.file.Path.class, ScoreScopeCli::path);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException) {
                err.println("error: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof CancellationException) {
                err.println("error: stopped" + (ex.getMessage() == null ? "" : " (" + ex.getMessage() + ")") + "; nothing was written");
                return 130;
            }
            err.println("error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                    + "; nothing was written (please report this with the command line)");
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine sub = ex.getCommandLine();
            PrintWriter err = sub.getErr();
            err.println("error: " + describe(ex));
            String name = sub.getCommandName();
            boolean syntax = ex instanceof CommandLine.UnmatchedArgumentException || ex instanceof CommandLine.MissingParameterException
                    || !sub.getUnmatchedArguments().isEmpty();
            if (syntax) {
                err.println(sub.getParent() == null ? usage()
                        : "usage: scorescope " + name + " [OPTIONS]  (scorescope " + name + " --help lists them)");
            }
            return BAD_INPUT;
        });
        return cl;
    }

    /**
     * A path argument. Under a C/POSIX locale Java cannot decode non-ASCII bytes of the command
     * line (they arrive as U+FFFD); such a name is refused rather than written as "??".
     */
    static java.nio.file.Path path(String s) {
        if (s.indexOf('\uFFFD') >= 0) {
            throw new CommandLine.TypeConversionException("the name '" + s + "' has characters that could not be decoded under the current locale ("
                    + System.getProperty("sun.jnu.encoding") + "); use a UTF-8 locale (e.g. LC_ALL=C.UTF-8) or an ASCII name");
        }
        try {
            return java.nio.file.Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a valid file name here (" + e.getReason() + ")");
        }
    }

    /** A picocli complaint as one line that names the option. */
    static String describe(CommandLine.ParameterException ex) {
        CommandLine sub = ex.getCommandLine();
        List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched() : sub.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String arg = unmatched.get(0);
            List<String> known = new ArrayList<>();
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                for (OptionSpec o : sub.getCommandSpec().options()) {
                    known.addAll(List.of(o.names()));
                }
                return name + ": unknown option for " + commandName(sub) + NearestName.hint(name, known);
            }
            if (sub.getParent() == null) {
                return NearestName.unknown("command", arg, COMMANDS);
            }
            return "unexpected argument '" + arg + "' for " + commandName(sub) + "; every value follows its option (--name value)";
        }
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec a = m.getMissing().get(0);
            String flag = a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
            return flag + ": " + (ex.getMessage().startsWith("Missing required parameter") ? "needs a value" : "is required")
                    + ", e.g. " + flag + " " + a.paramLabel();
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            String flag = o.getOverwritten() instanceof OptionSpec os ? os.longestName() : String.valueOf(o.getOverwritten());
            return flag + ": given more than once; give it once (lists are comma-separated)";
        }
        ArgSpec spec = ex.getArgSpec();
        if (spec instanceof OptionSpec o) {
            String flag = o.longestName();
            String value = ex.getValue();
            Class<?> type = o.type();
            String msg = ex.getMessage();
            if (msg.contains("KEY=VALUE")) {
                return flag + ": '" + value + "' must be NAME=NUMBER, e.g. " + flag + " eta=0.5";
            }
            String want = type == Integer.class || type == int.class || type == Long.class || type == long.class ? "a whole number"
                    : type == Double.class || type == double.class ? "a number" : null;
            if (want == null && o.auxiliaryTypes().length > 0) {
                Class<?> aux = o.auxiliaryTypes()[o.auxiliaryTypes().length - 1];
                want = aux == Integer.class || aux == Long.class ? "a whole number" : aux == Double.class ? "a number" : null;
            }
            if (want != null) {
                return flag + ": '" + value + "' is not " + want + (o.splitRegex().isEmpty() ? "" : " (give a comma-separated list, e.g. "
                        + flag + " " + o.paramLabel() + ")");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Invalid value for option '[^']*'( \\([^)]*\\))?: (.*)$",
                    java.util.regex.Pattern.DOTALL).matcher(msg);
            return flag + ": " + (m.matches() ? m.group(2) : msg);
        }
        return ex.getMessage();
    }

    private static String commandName(CommandLine sub) {
        return sub.getParent() == null ? "scorescope" : "'" + sub.getCommandName() + "'";
    }

    /** Runs the CLI and returns the exit code. */
    public static int run(String... args) {
        numbersInOneFormat();
        return commandLine().execute(args);
    }

    /** Runs the CLI with its messages going to {@code err}; returns the exit code. */
    public static int run(PrintWriter err, String... args) {
        numbersInOneFormat();
        CommandLine cl = commandLine();
        cl.setErr(err);
        return cl.execute(args);
    }

    /**
     * Reports and files print numbers the same way under every locale ({@code 3.29 s}, not {@code 3,29 s} under
     * de_DE): a comma inside a number breaks CSV columns and scripts that read the reports.
     */
    private static void numbersInOneFormat() {
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.ROOT);
    }
}
