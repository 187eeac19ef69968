package io.codelog.cli;

/**
 * Thrown when a command cannot run as given: a bad option value or a missing setting. The message names the
 * option, property or environment variable and what to set; it exits with {@link ExitCode#USAGE}.
 */
final class CliUsageException extends RuntimeException {

    CliUsageException(String message) {
        super(message);
    }
}
