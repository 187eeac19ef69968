package io.codelog.cli;

import io.codelog.core.CodeLogRules;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code codelog} command: holds what its subcommands share (the context, the settings and the stores,
 * opened on first use and closed when the command ends).
 */
@Command(
        name = "codelog",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = CodelogVersion.class,
        usageHelpAutoWidth = true,
        description = "Moves code logs between MongoDB and S3, proves nothing was lost, and undoes it.",
        subcommands = {
            MigrateCommand.class,
            VerifyCommand.class,
            RollbackCommand.class,
            RepairDualWriteCommand.class,
            StatsCommand.class,
            CostCommand.class,
            LifecycleCommand.class,
            DemoCommand.class,
            HelpCommand.class
        },
        footerHeading = "%nConfiguration:%n",
        footer = {
            "The same as a service with the Spring Boot starter: FLOWS_CODE_ACTIONS_* environment variables (e.g.",
            "FLOWS_CODE_ACTIONS_MONGO_DB_URI, FLOWS_CODE_ACTIONS_S3_BUCKET_NAME, FLOWS_CODE_ACTIONS_S3_REGION),",
            "codelog.* properties in ./application.properties or ./application.yml, and arguments such as",
            "--codelog.s3.bucket-name=my-bucket, which win. A command needs the stores it uses whatever",
            "codelog.s3.enabled says. Every command and setting: docs/cli.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCode.HELP_OK,
            ExitCode.HELP_DIFFERENCES,
            ExitCode.HELP_USAGE,
            ExitCode.HELP_STORAGE,
            ExitCode.HELP_INTERRUPTED,
            ExitCode.HELP_NOT_COMPLETE,
            ExitCode.HELP_INTERNAL
        })
final class CodelogCommand implements Runnable, AutoCloseable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    private boolean verbose;

    private final CliContext context;
    private final List<String> settingArguments;
    private @Nullable CliSettings settings;
    private @Nullable MongoCommandConnection mongo;
    private @Nullable S3CommandConnection s3;

    CodelogCommand(CliContext context, List<String> settingArguments) {
        this.context = context;
        this.settingArguments = List.copyOf(settingArguments);
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing a command: migrate, verify, rollback, repair-dual-write, stats, cost, lifecycle or demo");
    }

    CliContext context() {
        return context;
    }

    /** The settings, bound on first use. */
    CliSettings settings() {
        if (settings == null) {
            settings = CliSettings.load(context.environment(), settingArguments);
        }
        return settings;
    }

    /** The rules of the configured content limit, stamping with the context's clock. */
    CodeLogRules rules() {
        return settings().rules(context.clock());
    }

    /** The MongoDB store, opened on first use. */
    MongoCommandConnection mongo(String command) {
        if (mongo == null) {
            mongo = MongoCommandConnection.open(settings().mongo(), rules(), command);
        }
        return mongo;
    }

    /** The S3 store, opened on first use; with {@code codelog.s3.id-index=mongo} MongoDB is opened too. */
    S3CommandConnection s3(String command) {
        if (s3 == null) {
            s3 = S3CommandConnection.open(
                    settings(),
                    rules(),
                    command,
                    () -> mongo(command).idIndex(settings().mongo().getIdIndexCollection()));
        }
        return s3;
    }

    /** Closes the stores and the settings opened. */
    @Override
    public void close() {
        try (CliSettings openedSettings = settings;
                MongoCommandConnection openedMongo = mongo;
                S3CommandConnection openedS3 = s3) {
            settings = null;
            mongo = null;
            s3 = null;
        }
    }
}
