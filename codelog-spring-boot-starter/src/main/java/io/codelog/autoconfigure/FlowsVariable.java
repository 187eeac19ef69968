package io.codelog.autoconfigure;

import java.util.Locale;
import java.util.Optional;

/**
 * The one table of environment variables and the {@code codelog.*} properties they set: the seed's
 * {@code FLOWS_CODE_ACTIONS_*} variables, which existing deployments set, and one variable for every setting
 * codelog adds. Relaxed binding alone would bind them to {@code flows.code.actions.*}.
 */
enum FlowsVariable {
    STORE("FLOWS_CODE_ACTIONS_STORE", "codelog.store"),
    MODE("FLOWS_CODE_ACTIONS_MODE", "codelog.mode"),

    S3_ENABLED("FLOWS_CODE_ACTIONS_S3_ENABLED", "codelog.s3.enabled"),
    S3_REGION("FLOWS_CODE_ACTIONS_S3_REGION", "codelog.s3.region"),
    S3_BUCKET_NAME("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", "codelog.s3.bucket-name"),
    S3_ACCESS_KEY_ID("FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", "codelog.s3.access-key-id"),
    S3_SECRET_ACCESS_KEY("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", "codelog.s3.secret-access-key"),
    S3_PREFIX("FLOWS_CODE_ACTIONS_S3_PREFIX", "codelog.s3.prefix"),
    S3_ENDPOINT("FLOWS_CODE_ACTIONS_S3_ENDPOINT", "codelog.s3.endpoint"),
    S3_PATH_STYLE_ACCESS("FLOWS_CODE_ACTIONS_S3_PATH_STYLE_ACCESS", "codelog.s3.path-style-access"),
    S3_ALLOW_INSECURE_ENDPOINT("FLOWS_CODE_ACTIONS_S3_ALLOW_INSECURE_ENDPOINT", "codelog.s3.allow-insecure-endpoint"),
    S3_ID_INDEX("FLOWS_CODE_ACTIONS_S3_ID_INDEX", "codelog.s3.id-index"),
    S3_READ_LEGACY_PATH("FLOWS_CODE_ACTIONS_S3_READ_LEGACY_PATH", "codelog.s3.read-legacy-path"),
    S3_GZIP("FLOWS_CODE_ACTIONS_S3_GZIP", "codelog.s3.gzip"),
    S3_ENCRYPTION("FLOWS_CODE_ACTIONS_S3_ENCRYPTION", "codelog.s3.encryption"),
    S3_KMS_KEY_ID("FLOWS_CODE_ACTIONS_S3_KMS_KEY_ID", "codelog.s3.kms-key-id"),
    S3_MAX_RUN_DURATION("FLOWS_CODE_ACTIONS_S3_MAX_RUN_DURATION", "codelog.s3.max-run-duration"),
    S3_LIST_WINDOW("FLOWS_CODE_ACTIONS_S3_LIST_WINDOW", "codelog.s3.list-window"),
    S3_LOOKUP_WINDOW("FLOWS_CODE_ACTIONS_S3_LOOKUP_WINDOW", "codelog.s3.lookup-window"),
    S3_LOOKUP_CACHE_TTL("FLOWS_CODE_ACTIONS_S3_LOOKUP_CACHE_TTL", "codelog.s3.lookup-cache-ttl"),
    S3_READ_CONCURRENCY("FLOWS_CODE_ACTIONS_S3_READ_CONCURRENCY", "codelog.s3.read-concurrency"),
    S3_RETRY_MODE("FLOWS_CODE_ACTIONS_S3_RETRY_MODE", "codelog.s3.retry-mode"),
    S3_MAX_ATTEMPTS("FLOWS_CODE_ACTIONS_S3_MAX_ATTEMPTS", "codelog.s3.max-attempts"),
    S3_API_CALL_TIMEOUT("FLOWS_CODE_ACTIONS_S3_API_CALL_TIMEOUT", "codelog.s3.api-call-timeout"),

    MONGO_URI("FLOWS_CODE_ACTIONS_MONGO_DB_URI", "codelog.mongo.uri"),
    MONGO_DATABASE_NAME("FLOWS_CODE_ACTIONS_MONGO_DB_NAME", "codelog.mongo.database-name"),
    MONGO_COLLECTION("FLOWS_CODE_ACTIONS_MONGO_DB_COLLECTION", "codelog.mongo.collection"),
    MONGO_CREATE_INDEXES("FLOWS_CODE_ACTIONS_MONGO_DB_CREATE_INDEXES", "codelog.mongo.create-indexes"),
    MONGO_FAILURE_COLLECTION("FLOWS_CODE_ACTIONS_MONGO_DB_FAILURE_COLLECTION", "codelog.mongo.failure-collection"),
    MONGO_ID_INDEX_COLLECTION("FLOWS_CODE_ACTIONS_MONGO_DB_ID_INDEX_COLLECTION", "codelog.mongo.id-index-collection"),

    CONTENT_MAX_LENGTH("FLOWS_CODE_ACTIONS_CONTENT_MAX_LENGTH", "codelog.content.max-length"),
    CONTENT_POLICY("FLOWS_CODE_ACTIONS_CONTENT_POLICY", "codelog.content.policy"),

    CLEANER_ENABLED("FLOWS_CODE_ACTIONS_CLEANER_ENABLED", "codelog.cleaner.enabled"),
    CLEANER_SCHEDULE_TIME("FLOWS_CODE_ACTIONS_CLEANER_SCHEDULE_TIME", "codelog.cleaner.schedule-time"),
    CLEANER_RETENTION_PERIOD("FLOWS_CODE_ACTIONS_CLEANER_RETENTION_PERIOD", "codelog.cleaner.retention-period"),
    CLEANER_ZONE("FLOWS_CODE_ACTIONS_CLEANER_ZONE", "codelog.cleaner.zone"),
    CLEANER_BATCH_SIZE("FLOWS_CODE_ACTIONS_CLEANER_BATCH_SIZE", "codelog.cleaner.batch-size"),
    CLEANER_LOCK_AT_MOST_FOR("FLOWS_CODE_ACTIONS_CLEANER_LOCK_AT_MOST_FOR", "codelog.cleaner.lock-at-most-for"),
    CLEANER_LOCK_AT_LEAST_FOR("FLOWS_CODE_ACTIONS_CLEANER_LOCK_AT_LEAST_FOR", "codelog.cleaner.lock-at-least-for"),

    AUDIT_LEVEL("FLOWS_CODE_ACTIONS_AUDIT_LEVEL", "codelog.audit.level"),
    CACHE_ENABLED("FLOWS_CODE_ACTIONS_CACHE_ENABLED", "codelog.cache.enabled");

    private final String variable;
    private final String property;

    FlowsVariable(String variable, String property) {
        this.variable = variable;
        this.property = property;
    }

    /** The environment variable, e.g. {@code FLOWS_CODE_ACTIONS_S3_ENABLED}. */
    String variable() {
        return variable;
    }

    /** The name relaxed binding gives the variable, e.g. {@code flows.code.actions.s3.enabled}. */
    String relaxedName() {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The property the variable sets, e.g. {@code codelog.s3.enabled}. */
    String property() {
        return property;
    }

    /** The variable that sets a property, if any. */
    static Optional<FlowsVariable> forProperty(String property) {
        for (FlowsVariable candidate : values()) {
            if (candidate.property.equals(property)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
