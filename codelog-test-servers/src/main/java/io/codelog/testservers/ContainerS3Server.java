package io.codelog.testservers;

import java.net.URI;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack's S3 in a Docker container started by Testcontainers. */
final class ContainerS3Server implements S3TestServer, RunningServer {

    // LocalStack's "latest" community image needs an auth token since March 2026; this version does not.
    static final String IMAGE = "localstack/localstack:4.12.0";

    private final LocalStackContainer container;

    private ContainerS3Server(LocalStackContainer container) {
        this.container = container;
    }

    /** Pulls if needed and starts {@value #IMAGE} with S3 only. */
    static ContainerS3Server start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE)).withServices("s3");
        container.start();
        return new ContainerS3Server(container);
    }

    @Override
    public URI endpoint() {
        return container.getEndpoint();
    }

    @Override
    public String region() {
        return container.getRegion();
    }

    @Override
    public String accessKeyId() {
        return container.getAccessKey();
    }

    @Override
    public String secretAccessKey() {
        return container.getSecretKey();
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerS3Server[" + IMAGE + "]";
    }
}
