package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import io.codelog.autoconfigure.CodeLogS3Properties.Encryption;
import io.codelog.core.CodeLogIdIndex;
import io.codelog.core.CodeLogRules;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3CodeLogSettingsBuilder;
import io.codelog.s3.S3IdIndex;
import io.codelog.s3.ServerSideEncryption;
import io.codelog.s3.UnreadableObjectListener;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.util.StringUtils;

/**
 * Turns {@code codelog.s3.*} into {@link S3CodeLogSettings}. The settings validate themselves; the values are
 * applied one property at a time so that a rejected value is reported with the property and variable that
 * held it.
 */
public final class S3SettingsFactory {

    private static final String BUCKET_NAME = "codelog.s3.bucket-name";
    private static final String KMS_KEY_ID = "codelog.s3.kms-key-id";

    private final CodeLogS3Properties properties;
    private final PropertyOrigins origins;

    /** A factory of the settings these properties describe; messages name properties as the environment set them. */
    public S3SettingsFactory(CodeLogS3Properties properties, PropertyOrigins origins) {
        this.properties = properties;
        this.origins = origins;
    }

    /**
     * The settings.
     *
     * @param selection why S3 is needed, for the message when the bucket is missing
     * @param mongoIdIndex the index of {@code codelog.s3.id-index=mongo}, asked for only then; it may throw a
     *     {@link CodeLogConfigurationException} of its own when no MongoDB is configured
     * @throws CodeLogConfigurationException naming the first property whose value the settings reject
     */
    public S3CodeLogSettings build(
            StoreSelection selection,
            CodeLogRules rules,
            UnreadableObjectListener onUnreadable,
            Supplier<CodeLogIdIndex> mongoIdIndex) {
        String bucket = properties.getBucketName();
        if (!StringUtils.hasText(bucket)) {
            throw new CodeLogConfigurationException(
                    BUCKET_NAME,
                    selection.reasonFor(Store.S3) + " but no bucket is set: " + PropertyOrigins.named(BUCKET_NAME)
                            + " is empty.",
                    "Set " + PropertyOrigins.named(BUCKET_NAME) + " (and " + PropertyOrigins.named("codelog.s3.region")
                            + ")" + (selection.primary() == Store.S3 ? "" : ", or set codelog.mode=single") + ".");
        }
        S3CodeLogSettingsBuilder builder =
                S3CodeLogSettings.builder(bucket.trim()).rules(rules).onUnreadable(onUnreadable);
        List<Step> steps = List.of(
                new Step(BUCKET_NAME, b -> {}),
                new Step("codelog.s3.prefix", b -> b.prefix(properties.getPrefix())),
                new Step(IdIndexMode.PROPERTY, b -> b.idIndex(idIndex(mongoIdIndex))),
                new Step("codelog.s3.read-legacy-path", b -> b.readLegacyPath(properties.isReadLegacyPath())),
                new Step("codelog.s3.gzip", b -> b.gzip(properties.isGzip())),
                new Step("codelog.s3.encryption", b -> b.encryption(encryption())),
                new Step("codelog.s3.max-run-duration", b -> b.maxRunDuration(properties.getMaxRunDuration())),
                new Step("codelog.s3.list-window", b -> b.listWindow(properties.getListWindow())),
                new Step("codelog.s3.lookup-window", b -> b.lookupWindow(properties.getLookupWindow())),
                new Step("codelog.s3.lookup-cache-ttl", b -> b.lookupCacheTtl(properties.getLookupCacheTtl())),
                new Step("codelog.s3.read-concurrency", b -> b.readConcurrency(properties.getReadConcurrency())));
        S3CodeLogSettings settings = null;
        for (Step step : steps) {
            try {
                step.change().accept(builder);
                settings = builder.build();
            } catch (IllegalArgumentException e) {
                throw new CodeLogConfigurationException(
                        step.property(),
                        origins.describe(step.property()) + " is not usable: " + e.getMessage() + ".",
                        "Fix " + PropertyOrigins.named(step.property()) + ".");
            }
        }
        return settings;
    }

    private S3IdIndex idIndex(Supplier<CodeLogIdIndex> mongoIdIndex) {
        return switch (IdIndexMode.parse(properties.getIdIndex())) {
            case S3 -> S3IdIndex.pointers();
            case NONE -> S3IdIndex.none();
            case MONGO -> S3IdIndex.external(mongoIdIndex.get());
        };
    }

    /**
     * The failure of {@code codelog.s3.id-index=mongo} when no MongoDB index can be built.
     *
     * @param why e.g. that codelog-mongo is not on the classpath
     */
    static CodeLogConfigurationException mongoIdIndexUnavailable(String why) {
        return new CodeLogConfigurationException(
                IdIndexMode.PROPERTY,
                PropertyOrigins.named(IdIndexMode.PROPERTY) + " is mongo but " + why + ".",
                "Add io.codelog:codelog-mongo and set " + PropertyOrigins.named("codelog.mongo.uri") + " (and "
                        + PropertyOrigins.named("codelog.mongo.database-name") + "), or set "
                        + PropertyOrigins.named(IdIndexMode.PROPERTY) + " to s3 or none.");
    }

    private ServerSideEncryption encryption() {
        String keyId = StringUtils.hasText(properties.getKmsKeyId())
                ? properties.getKmsKeyId().trim()
                : null;
        if (properties.getEncryption() == Encryption.KMS && keyId == null) {
            throw new CodeLogConfigurationException(
                    KMS_KEY_ID,
                    "codelog.s3.encryption is kms but " + PropertyOrigins.named(KMS_KEY_ID) + " is not set.",
                    "Set " + PropertyOrigins.named(KMS_KEY_ID) + " to the KMS key id or ARN.");
        }
        return new ServerSideEncryption(
                ServerSideEncryption.Mode.valueOf(properties.getEncryption().name()), keyId);
    }

    /** One property applied to the builder. */
    private record Step(String property, Consumer<S3CodeLogSettingsBuilder> change) {}
}
