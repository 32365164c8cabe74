package org.scorescope.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.scorescope.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless entry point: {@code scorescope sample|sweep|bench …}. */
@Command(name = "scorescope", mixinStandardHelpOptions = true, version = "ScoreScope 0.1",
        description = "Diffusion-model samplers on targets with closed-form scores. With no command, opens the application.",
        subcommands = {SampleCommand.class, SweepCommand.class, BenchCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class ScoreScopeCli {
    /** Exit code for input the user can fix (bad flag, bad scenario file). */
    public static final int BAD_INPUT = 2;

    private ScoreScopeCli() {
    }

    /** A configured command line whose errors are one plain message and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ScoreScopeCli());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof ScenarioException || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException) {
                err.println("error: " + ex.getMessage());
                return 1;
            }
            err.println("error: " + ex);
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("see: scorescope " + ex.getCommandLine().getCommandName() + " --help");
            return BAD_INPUT;
        });
        return cl;
    }

    /** Runs the CLI and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the CLI with its messages going to {@code err}; returns the exit code. */
    public static int run(PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setErr(err);
        return cl.execute(args);
    }
}
