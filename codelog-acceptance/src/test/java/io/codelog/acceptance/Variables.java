package io.codelog.acceptance;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code FLOWS_CODE_ACTIONS_*} variables of one row: the whole environment its child gets, as an existing
 * deployment configures the service. Remembers which values are secrets, so that a test can look for them in
 * the child's output.
 */
final class Variables {

    static final String PREFIX = "FLOWS_CODE_ACTIONS_";

    private static final Pattern URI_PASSWORD = Pattern.compile("//[^/@:]*:([^/@]+)@");

    private final Map<String, String> values = new TreeMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    private Variables() {}

    /** No variable at all. */
    static Variables none() {
        return new Variables();
    }

    /** Sets {@code FLOWS_CODE_ACTIONS_<suffix>}. */
    Variables set(String suffix, String value) {
        values.put(PREFIX + suffix, value);
        return this;
    }

    /** Leaves {@code FLOWS_CODE_ACTIONS_<suffix>} out. */
    Variables unset(String suffix) {
        values.remove(PREFIX + suffix);
        return this;
    }

    /** The S3 variables of a bucket on a server reached over loopback, path-style as configuration.md says. */
    Variables s3(S3Place place) {
        secrets.add(place.server().accessKeyId());
        secrets.add(place.server().secretAccessKey());
        return set("S3_ENDPOINT", place.server().endpoint().toString())
                .set("S3_REGION", place.server().region())
                .set("S3_ACCESS_KEY_ID", place.server().accessKeyId())
                .set("S3_SECRET_ACCESS_KEY", place.server().secretAccessKey())
                .set("S3_BUCKET_NAME", place.bucket())
                .set("S3_PREFIX", place.prefix())
                .set("S3_PATH_STYLE_ACCESS", "true");
    }

    /** The MongoDB variables of a database; a password in the connection string is a secret. */
    Variables mongo(MongoPlace place) {
        return mongoUri(place.connectionString()).set("MONGO_DB_NAME", place.database());
    }

    /** {@code FLOWS_CODE_ACTIONS_MONGO_DB_URI}, its password remembered as a secret. */
    Variables mongoUri(String connectionString) {
        Matcher password = URI_PASSWORD.matcher(connectionString);
        if (password.find()) {
            secrets.add(password.group(1));
        }
        return set("MONGO_DB_URI", connectionString);
    }

    /** Sets a variable whose value is a secret. */
    Variables secret(String suffix, String value) {
        secrets.add(value);
        return set(suffix, value);
    }

    /** The environment, every name starting with {@value #PREFIX}. */
    Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The secret values long enough to look for: a short one, such as LocalStack's key {@code test}, would be
     * found in ordinary words.
     */
    Set<String> secrets() {
        Set<String> distinctive = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret.length() >= 8) {
                distinctive.add(secret);
            }
        }
        return distinctive;
    }

    @Override
    public String toString() {
        return "Variables" + values.keySet();
    }
}
