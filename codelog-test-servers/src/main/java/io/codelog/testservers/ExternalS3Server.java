package io.codelog.testservers;

import java.net.URI;

/** An S3 server the environment names; the kit neither starts nor stops it. */
record ExternalS3Server(URI endpoint, String region, String accessKeyId, String secretAccessKey)
        implements S3TestServer, RunningServer {

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void close() {}

    /** Keeps the credentials out of logs. */
    @Override
    public String toString() {
        return "ExternalS3Server[endpoint=" + endpoint + ", region=" + region + "]";
    }
}
