package dev.ocular.compositor.cli;

import dev.ocular.compositor.xr.XrUnavailableException;
import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.GpuSetupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * ocular's command line. Exit codes: 0 success, 1 a failure while running, 2 bad input or a machine that cannot run
 * the command (unknown subcommand or flag, malformed file, no Vulkan device or OpenXR runtime) — always with one line
 * on stderr saying what and why.
 */
@Command(name = "ocular", mixinStandardHelpOptions = true, version = "ocular 0.1.0",
        description = "VR compositor: low-res stereo render, vr-net reconstruction, lens distortion, OpenXR.",
        subcommands = {InfoCommand.class, RunCommand.class, ProfileCommand.class, ServeCommand.class, ScenesCommand.class,
                BenchCommand.class,
                LensCommand.class, TrainCommand.class, EvalCommand.class})
public final class Main {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // Unknown subcommands and flags: the reason, picocli's suggestions, then the usage of the command concerned.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            where.getErr().println("ocular: " + oneLine(e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, where.getErr());
            where.usage(where.getErr());
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInputException || e instanceof GpuSetupException || e instanceof XrUnavailableException) {
                commandLine.getErr().println("ocular: " + oneLine(e.getMessage()));
                return EXIT_BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ');
    }
}
