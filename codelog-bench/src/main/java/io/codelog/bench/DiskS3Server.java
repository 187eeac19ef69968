package io.codelog.bench;

import io.codelog.test.S3TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * s3proxy over its filesystem blob store in a temporary directory, on a random loopback port, for the memory
 * section: a 1,000,000-log migration writes 2,000,000 objects, more than the in-memory store of the shared
 * server holds. Closing it stops the server and deletes the directory.
 */
final class DiskS3Server implements S3TestServer, AutoCloseable {

    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY_ID = "codelog-bench-access-key";
    private static final String SECRET_ACCESS_KEY = "codelog-bench-secret-key";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final BlobStore blobStore;
    private final S3Proxy proxy;
    private final URI endpoint;

    private DiskS3Server(Path directory, BlobStore blobStore, S3Proxy proxy) {
        this.directory = directory;
        this.blobStore = blobStore;
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * Starts the server on a new temporary directory and waits until it serves.
     *
     * @throws IllegalStateException when it does not start within 30 seconds
     */
    static DiskS3Server start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("codelog-bench-s3");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the directory of the disk S3 server", e);
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        BlobStore blobStore = BlobStores.create("filesystem", properties);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("s3proxy is " + proxy.getState());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the disk S3 server did not start: " + e.getMessage(), e);
        }
        return new DiskS3Server(directory, blobStore, proxy);
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    @Override
    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // The directory below goes anyway; a server that did not stop ends with the JVM.
        }
        blobStore.close();
        deleteTree(directory);
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the disk S3 server's directory " + root, e);
        }
    }
}
