package io.codelog.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a JSON report whole or not at all: to a temporary file beside it, then moved over it. */
final class ReportFile {

    private ReportFile() {}

    /**
     * Checks, before any work, that the file can be written.
     *
     * @throws CliUsageException naming {@code --report} when its folder is missing or not writable
     */
    static void checkWritable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new CliUsageException(
                    "--report " + file + ": the folder " + folder + " does not exist or is not" + " writable.");
        }
        if (Files.isDirectory(file)) {
            throw new CliUsageException("--report " + file + " is a folder: give a file name.");
        }
    }

    /**
     * Writes the JSON text to the file.
     *
     * @throws CliUsageException naming {@code --report} when the file cannot be written
     */
    static void write(Path file, String json) {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, json + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliUsageException("--report " + file + " cannot be written: " + e.getMessage());
        }
    }
}
