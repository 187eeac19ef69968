package io.codelog.cli;

import io.codelog.autoconfigure.CodeLogS3Properties;
import io.codelog.autoconfigure.PropertyOrigins;
import io.codelog.autoconfigure.S3ClientBuilderCustomizer;
import io.codelog.autoconfigure.S3ClientFactory;
import io.codelog.autoconfigure.S3SettingsFactory;
import io.codelog.autoconfigure.StoreSelection;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogRules;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3ObjectFormat;
import io.codelog.s3.S3RequestCounter;
import io.codelog.s3.UnreadableObjectListener;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 side of a command: the client, settings and store a service would build from the same {@code
 * codelog.s3.*} properties, whatever {@code codelog.s3.enabled} says, with every request counted.
 *
 * @param client the client, closed with this
 * @param settings bucket, prefix and layout
 * @param repository the store
 * @param counter the requests the client made, by operation
 */
record S3CommandConnection(
        S3Client client, S3CodeLogSettings settings, S3CodeLogRepository repository, S3RequestCounter counter)
        implements AutoCloseable {

    private static final String BUCKET_NAME = "codelog.s3.bucket-name";

    /**
     * Builds the client and the store as the starter does.
     *
     * @param command the command that needs S3, for the message when the bucket is missing
     * @param mongoIdIndex the id index of {@code codelog.s3.id-index=mongo}, asked for only then (which opens
     *     MongoDB)
     * @throws CliUsageException when no bucket is set
     * @throws io.codelog.autoconfigure.CodeLogConfigurationException naming the first other setting that cannot
     *     work (region, endpoint, keys, ...)
     */
    static S3CommandConnection open(
            CliSettings cli, CodeLogRules rules, String command, Supplier<CodeLogIdIndex> mongoIdIndex) {
        CodeLogS3Properties properties = cli.s3();
        if (!StringUtils.hasText(properties.getBucketName())) {
            throw new CliUsageException("codelog " + command + " needs S3, but " + PropertyOrigins.named(BUCKET_NAME)
                    + " is not set: set it and " + PropertyOrigins.named("codelog.s3.region")
                    + " (the command needs S3 whatever codelog.s3.enabled says).");
        }
        PropertyOrigins origins = cli.origins();
        S3CodeLogSettings settings = new S3SettingsFactory(properties, origins)
                .build(
                        StoreSelection.of(cli.environment()),
                        rules,
                        UnreadableObjectListener.logWarning(),
                        mongoIdIndex);
        S3RequestCounter counter = new S3RequestCounter();
        S3ClientBuilderCustomizer counting =
                builder -> builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .addExecutionInterceptor(counter)
                        .build());
        S3Client client = new S3ClientFactory(properties, origins).build(Stream.of(counting));
        return of(client, settings, counter);
    }

    /** A store on a client already counted by {@code counter}. */
    static S3CommandConnection of(S3Client client, S3CodeLogSettings settings, S3RequestCounter counter) {
        return new S3CommandConnection(client, settings, new S3CodeLogRepository(client, settings), counter);
    }

    /** The keys and bodies of this store's objects. */
    S3ObjectFormat format() {
        return new S3ObjectFormat(settings);
    }

    /** Where the logs are, for output. */
    String describe() {
        return "S3 bucket " + settings.bucket() + (settings.prefix().isEmpty() ? "" : ", prefix " + settings.prefix());
    }

    @Override
    public void close() {
        try {
            repository.close();
        } finally {
            client.close();
        }
    }
}
