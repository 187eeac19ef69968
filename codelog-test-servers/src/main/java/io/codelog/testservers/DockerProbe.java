package io.codelog.testservers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether a Docker engine answers; any failure to find out means no. */
final class DockerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DockerProbe.class);

    private DockerProbe() {}

    /** Whether Testcontainers can start containers here. */
    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Testcontainers may be off the class path or fail in many ways while probing; each one means
            // "use the embedded servers", and the reason is kept for whoever debugs the choice.
            LOG.debug("Docker probe failed, treating Docker as absent: {}", e.toString());
            return false;
        }
    }
}
