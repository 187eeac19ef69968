package io.codelog.testservers;

import java.net.URI;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Decides where the test servers come from: the servers the environment names, else Docker through
 * Testcontainers when an engine answers, else the embedded servers. {@value #SERVERS} set to
 * {@code embedded} or {@code testcontainers} skips the Docker probe.
 */
final class ServerSelection {

    static final String MONGO_URI = "CODELOG_TEST_MONGO_URI";
    static final String S3_ENDPOINT = "CODELOG_TEST_S3_ENDPOINT";
    static final String S3_REGION = "CODELOG_TEST_S3_REGION";
    static final String S3_ACCESS_KEY_ID = "CODELOG_TEST_S3_ACCESS_KEY_ID";
    static final String S3_SECRET_ACCESS_KEY = "CODELOG_TEST_S3_SECRET_ACCESS_KEY";
    static final String SERVERS = "CODELOG_TEST_SERVERS";

    static final String DEFAULT_REGION = "us-east-1";
    static final String DEFAULT_TEST_KEY = "test";

    private final UnaryOperator<String> settings;
    private final BooleanSupplier dockerProbe;
    private Boolean dockerAnswers;

    /**
     * @param settings the value of a setting by name, or null when unset
     * @param dockerProbe whether Docker answers; asked at most once
     */
    ServerSelection(UnaryOperator<String> settings, BooleanSupplier dockerProbe) {
        this.settings = settings;
        this.dockerProbe = dockerProbe;
    }

    /** Settings from system properties, then environment variables, and the real Docker probe. */
    static ServerSelection fromEnvironment() {
        return new ServerSelection(
                name -> {
                    String property = System.getProperty(name);
                    return property != null ? property : System.getenv(name);
                },
                DockerProbe::dockerAnswers);
    }

    /** Where the MongoDB server comes from. */
    synchronized ServerChoice mongo() {
        return choose(MONGO_URI);
    }

    /** Where the S3 server comes from. */
    synchronized ServerChoice s3() {
        return choose(S3_ENDPOINT);
    }

    /**
     * The MongoDB server {@value #MONGO_URI} names.
     *
     * @throws IllegalStateException when it is not a {@code mongodb://} or {@code mongodb+srv://} URI
     */
    ExternalMongoServer externalMongo() {
        String uri = setting(MONGO_URI);
        if (uri == null || !(uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"))) {
            throw new IllegalStateException(MONGO_URI + " must be a mongodb:// or mongodb+srv:// URI");
        }
        return new ExternalMongoServer(uri);
    }

    /**
     * The S3 server {@value #S3_ENDPOINT} names, with region and keys from their settings or the defaults
     * ({@value #DEFAULT_REGION} and {@value #DEFAULT_TEST_KEY}).
     *
     * @throws IllegalStateException when the endpoint is not an absolute http or https URI
     */
    ExternalS3Server externalS3() {
        String endpoint = setting(S3_ENDPOINT);
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(S3_ENDPOINT + " is not a URI: " + e.getMessage(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException(S3_ENDPOINT + " must be an http:// or https:// URI with a host");
        }
        return new ExternalS3Server(
                uri,
                settingOr(S3_REGION, DEFAULT_REGION),
                settingOr(S3_ACCESS_KEY_ID, DEFAULT_TEST_KEY),
                settingOr(S3_SECRET_ACCESS_KEY, DEFAULT_TEST_KEY));
    }

    private ServerChoice choose(String externalSetting) {
        if (setting(externalSetting) != null) {
            return new ServerChoice(ServerSource.EXTERNAL, externalSetting + " is set");
        }
        String forced = setting(SERVERS);
        String mode = forced == null ? "auto" : forced.toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded":
                return new ServerChoice(ServerSource.EMBEDDED, SERVERS + "=embedded");
            case "testcontainers":
                return new ServerChoice(ServerSource.TESTCONTAINERS, SERVERS + "=testcontainers");
            case "auto":
                return dockerAnswers()
                        ? new ServerChoice(ServerSource.TESTCONTAINERS, "a Docker engine answered")
                        : new ServerChoice(
                                ServerSource.EMBEDDED,
                                "no Docker engine answered; set " + externalSetting + " to use another server");
            default:
                throw new IllegalStateException(
                        SERVERS + " must be auto, embedded or testcontainers (was \"" + forced + "\")");
        }
    }

    private boolean dockerAnswers() {
        if (dockerAnswers == null) {
            dockerAnswers = dockerProbe.getAsBoolean();
        }
        return dockerAnswers;
    }

    private String setting(String name) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String settingOr(String name, String fallback) {
        String value = setting(name);
        return value != null ? value : fallback;
    }
}
