package io.codelog.cli;

import com.mongodb.MongoException;
import io.codelog.autoconfigure.CodeLogConfigurationException;
import io.codelog.autoconfigure.PropertyOrigins;
import io.codelog.core.CodeLogStorageException;
import io.codelog.core.InvalidCodeLogException;
import io.codelog.migration.MigrationException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.dao.DataAccessException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a command's exception means for the user: the exit code and the one line that says what went wrong and
 * what to do. Messages come from codelog's typed exceptions, which never carry credentials or log content.
 *
 * @param exitCode one of {@link ExitCode}
 * @param message one line, without a stack trace
 */
record Failure(int exitCode, String message) {

    /** The meaning of an exception thrown by a command; {@code interrupted} when the user asked it to stop. */
    static Failure of(Throwable thrown, boolean interrupted) {
        Throwable usage = find(thrown, CliUsageException.class);
        if (usage != null) {
            return new Failure(ExitCode.USAGE, usage.getMessage());
        }
        CodeLogConfigurationException configuration = find(thrown, CodeLogConfigurationException.class);
        if (configuration != null) {
            return new Failure(ExitCode.USAGE, configuration.getMessage());
        }
        BindException bind = find(thrown, BindException.class);
        if (bind != null) {
            return new Failure(ExitCode.USAGE, bindMessage(bind));
        }
        InvalidCodeLogException invalid = find(thrown, InvalidCodeLogException.class);
        if (invalid != null) {
            return new Failure(ExitCode.USAGE, invalid.getMessage());
        }
        if (interrupted || find(thrown, InterruptedException.class) != null) {
            return new Failure(
                    ExitCode.INTERRUPTED,
                    "interrupted; progress is checkpointed: run the same command again to resume");
        }
        Throwable storage = storageFailure(thrown);
        if (storage != null) {
            return new Failure(ExitCode.STORAGE, storage.getMessage());
        }
        return new Failure(
                ExitCode.INTERNAL,
                "internal error " + thrown.getClass().getName() + "; run again with --verbose and report it");
    }

    /** The outermost exception that says a store failed, or null. */
    private static @Nullable Throwable storageFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrationException || cause instanceof CodeLogStorageException) {
                return cause;
            }
            if (cause instanceof SdkException) {
                return new IllegalStateException("S3 request failed: " + cause.getMessage());
            }
            if (cause instanceof MongoException || cause instanceof DataAccessException) {
                return new IllegalStateException("MongoDB request failed: " + cause.getMessage());
            }
        }
        return null;
    }

    private static String bindMessage(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        String name = property == null
                ? bind.getName().toString()
                : property.getName().toString();
        String origin =
                property == null || property.getOrigin() == null ? "" : " (set by " + property.getOrigin() + ")";
        Throwable reason = bind.getCause() == null ? bind : bind.getCause();
        while (reason.getCause() != null) {
            reason = reason.getCause();
        }
        return PropertyOrigins.named(name) + origin + " cannot be used: " + reason.getMessage();
    }

    private static <T extends Throwable> @Nullable T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
