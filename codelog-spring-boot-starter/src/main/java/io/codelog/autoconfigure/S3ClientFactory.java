package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogS3Properties.RetryMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the {@link S3Client} of {@code codelog.s3.*}: region, endpoint and path style, credentials, retry
 * strategy and call timeout, then the application's customizers. Every setting is checked before the SDK sees
 * it, so a mistake fails start-up naming its property and variable rather than with an SDK stack trace.
 */
public final class S3ClientFactory {

    private static final String REGION = "codelog.s3.region";
    private static final String ENDPOINT = "codelog.s3.endpoint";
    private static final String ACCESS_KEY_ID = "codelog.s3.access-key-id";
    private static final String SECRET_ACCESS_KEY = "codelog.s3.secret-access-key";
    private static final String MAX_ATTEMPTS = "codelog.s3.max-attempts";
    private static final String API_CALL_TIMEOUT = "codelog.s3.api-call-timeout";

    private final CodeLogS3Properties properties;
    private final PropertyOrigins origins;

    /** A factory of the client these properties describe; messages name properties as the environment set them. */
    public S3ClientFactory(CodeLogS3Properties properties, PropertyOrigins origins) {
        this.properties = properties;
        this.origins = origins;
    }

    /**
     * The client.
     *
     * @throws CodeLogConfigurationException naming the first setting that cannot work
     */
    public S3Client build(Stream<S3ClientBuilderCustomizer> customizers) {
        URI endpoint = endpoint();
        S3ClientBuilder builder = S3Client.builder()
                .region(region(endpoint != null))
                .forcePathStyle(properties.isPathStyleAccess())
                .credentialsProvider(credentials())
                .overrideConfiguration(overrides());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The region: checked against the SDK's list for AWS; any name for an S3-compatible endpoint. */
    Region region(boolean endpointOverridden) {
        String name = properties.getRegion();
        if (!StringUtils.hasText(name)) {
            return endpointOverridden ? Region.US_EAST_1 : regionFromChain();
        }
        Region region = Region.of(name.trim());
        if (!endpointOverridden && !Region.regions().contains(region)) {
            throw new CodeLogConfigurationException(
                    REGION,
                    origins.describe(REGION) + " is \"" + name + "\", which is not an AWS region.",
                    "Set it to an AWS region such as us-east-1 or eu-west-1, or set " + PropertyOrigins.named(ENDPOINT)
                            + " for an S3-compatible server.");
        }
        return region;
    }

    /** The endpoint override, or null for AWS; {@code https://} is assumed without a scheme, as the Go SDK did. */
    @Nullable
    URI endpoint() {
        String raw = properties.getEndpoint();
        if (!StringUtils.hasText(raw)) {
            return null;
        }
        String text = raw.trim().contains("://") ? raw.trim() : "https://" + raw.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw badEndpoint(raw, "is not a URL");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw badEndpoint(raw, "is not an http or https URL with a host");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw badEndpoint(raw, "must hold only a scheme, a host and a port");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new CodeLogConfigurationException(
                    ENDPOINT,
                    origins.describe(ENDPOINT) + " has the path \"" + path + "\": a bucket in the endpoint makes every"
                            + " key land under {bucket}/{prefix}/logs/ (the seed's legacy path).",
                    "Remove the path and put the bucket in " + PropertyOrigins.named("codelog.s3.bucket-name")
                            + "; logs already written under the legacy path stay readable"
                            + " (codelog.s3.read-legacy-path).");
        }
        if ("http".equalsIgnoreCase(uri.getScheme())
                && !isLoopback(uri.getHost())
                && !properties.isAllowInsecureEndpoint()) {
            throw new CodeLogConfigurationException(
                    ENDPOINT,
                    origins.describe(ENDPOINT) + " is plain http to " + uri.getHost()
                            + ": logs and request signatures would cross the network unencrypted.",
                    "Use https, or set " + PropertyOrigins.named("codelog.s3.allow-insecure-endpoint")
                            + "=true if this network is trusted.");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** Loopback by name or literal address only: resolving a name here could be answered by anyone. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost")
                || bare.equals("::1")
                || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Static credentials when both keys are set, the SDK's default chain when neither is. */
    AwsCredentialsProvider credentials() {
        boolean hasKeyId = StringUtils.hasText(properties.getAccessKeyId());
        boolean hasSecret = StringUtils.hasText(properties.getSecretAccessKey());
        if (hasKeyId != hasSecret) {
            String set = hasKeyId ? ACCESS_KEY_ID : SECRET_ACCESS_KEY;
            String missing = hasKeyId ? SECRET_ACCESS_KEY : ACCESS_KEY_ID;
            throw new CodeLogConfigurationException(
                    missing,
                    PropertyOrigins.named(set) + " is set but " + PropertyOrigins.named(missing) + " is not.",
                    "Set both for static credentials, or neither to use the SDK's default chain (environment,"
                            + " profile, web identity, instance role).");
        }
        if (!hasKeyId) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                properties.getAccessKeyId().trim(),
                properties.getSecretAccessKey().trim()));
    }

    /** The retry strategy and call timeout. */
    ClientOverrideConfiguration overrides() {
        if (properties.getMaxAttempts() < 1) {
            throw new CodeLogConfigurationException(
                    MAX_ATTEMPTS,
                    origins.describe(MAX_ATTEMPTS) + " is " + properties.getMaxAttempts() + ".",
                    "Set it to 1 or more (1 means no retry; the SDK's default is 3).");
        }
        RetryStrategy strategy = (properties.getRetryMode() == RetryMode.ADAPTIVE
                        ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        : AwsRetryStrategy.standardRetryStrategy().toBuilder())
                .maxAttempts(properties.getMaxAttempts())
                .build();
        ClientOverrideConfiguration.Builder overrides =
                ClientOverrideConfiguration.builder().retryStrategy(strategy);
        Duration timeout = properties.getApiCallTimeout();
        if (timeout != null) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new CodeLogConfigurationException(
                        API_CALL_TIMEOUT,
                        origins.describe(API_CALL_TIMEOUT) + " is " + timeout + ".",
                        "Set a positive duration such as 30s, or leave it unset for no limit.");
            }
            overrides.apiCallTimeout(timeout);
        }
        return overrides.build();
    }

    private Region regionFromChain() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new CodeLogConfigurationException(
                    REGION,
                    PropertyOrigins.named(REGION) + " is not set and the SDK found no region in AWS_REGION, the"
                            + " profile or instance metadata.",
                    "Set " + PropertyOrigins.named(REGION) + " to the bucket's region, e.g. us-east-1.");
        }
    }

    private CodeLogConfigurationException badEndpoint(String raw, String problem) {
        String shown = raw.replaceAll("//[^/]*@", "//***@");
        return new CodeLogConfigurationException(
                ENDPOINT,
                origins.describe(ENDPOINT) + " is \"" + shown + "\", which " + problem + ".",
                "Set it to the server's URL, e.g. http://localhost:9000, or leave it unset for AWS.");
    }
}
