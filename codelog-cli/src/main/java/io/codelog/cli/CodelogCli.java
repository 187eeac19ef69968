package io.codelog.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one {@code codelog} command line and returns its exit code, without exiting: {@link CodelogMain} exits
 * with it, tests assert on it. Arguments of the form {@code --codelog.x=y} (and {@code --spring.*},
 * {@code --logging.*}) are settings, handed to Spring's binding; every other argument is the command's.
 */
final class CodelogCli {

    private static final List<String> SETTING_PREFIXES = List.of("--codelog.", "--spring.", "--logging.");

    private final CliContext context;

    CodelogCli(CliContext context) {
        this.context = context;
    }

    /** Runs the command line and returns one of {@link ExitCode}. */
    int run(String... args) {
        List<String> settingArguments = new ArrayList<>();
        List<String> commandArguments = new ArrayList<>();
        for (String arg : args) {
            (isSetting(arg) ? settingArguments : commandArguments).add(arg);
        }
        try (CodelogCommand root = new CodelogCommand(context, settingArguments)) {
            CommandLine line = new CommandLine(root)
                    .setOut(context.out())
                    .setErr(context.err())
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setParameterExceptionHandler(usageErrors())
                    .setExecutionExceptionHandler(failures());
            int code = line.execute(commandArguments.toArray(String[]::new));
            context.out().flush();
            context.err().flush();
            return code;
        }
    }

    private static boolean isSetting(String arg) {
        return SETTING_PREFIXES.stream().anyMatch(arg::startsWith);
    }

    /** A bad command line: one line saying what is wrong and where the help is; exit 2. */
    private IParameterExceptionHandler usageErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println(prefix(command) + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE;
        };
    }

    /** A command that failed: one line on stderr, the stack trace only with --verbose. */
    private IExecutionExceptionHandler failures() {
        return (Exception e, CommandLine command, ParseResult parsed) -> {
            Failure failure = Failure.of(e, context.interruption().isRequested());
            command.getErr().println(prefix(command) + failure.message());
            if (verbose(parsed)) {
                e.printStackTrace(command.getErr());
            }
            return failure.exitCode();
        };
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": error: ";
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult result = parsed; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
