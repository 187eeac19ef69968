package io.codelog.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server's files in a directory of their own, created on start and deleted on close. */
final class TemporaryDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDirectory.class);

    private TemporaryDirectory() {}

    /**
     * A new empty directory in the system's temporary directory.
     *
     * @throws UncheckedIOException naming what it was for when it cannot be created
     */
    static Path create(String prefix, String purpose) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for " + purpose, e);
        }
    }

    /** Deletes the directory and everything in it; nothing for null. */
    static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // The files of a stopped server are of no use; failing to delete them must not hide the run's outcome.
            LOG.warn("The test server's directory {} was not deleted: {}", root, e.toString());
        }
    }
}
