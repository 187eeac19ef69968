package io.codelog.autoconfigure;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The values of {@code codelog.s3.id-index} ({@code FLOWS_CODE_ACTIONS_S3_ID_INDEX}): where the S3 store records
 * each log's key by id. {@code true} and {@code false}, the values of the former on/off setting, keep meaning
 * {@code s3} and {@code none}.
 */
enum IdIndexMode {
    /** Pointer objects {@code {prefix}/index/{id}.json} in the logs' bucket: 2 PUTs per create, 2 GETs per lookup. */
    S3,
    /**
     * A collection in codelog's MongoDB (codelog.mongo.uri, or the application's): 1 PUT + 1 insert per create, 1
     * find + 1 GET per lookup.
     */
    MONGO,
    /** No index: 1 PUT per create; a lookup by id searches day listings. */
    NONE;

    /** The property these values set. */
    public static final String PROPERTY = "codelog.s3.id-index";

    /** The accepted values, as messages give them. */
    static final String EXPECTED = "s3, mongo or none (true and false mean s3 and none)";

    /**
     * The mode a property value names, in any case, surrounding blanks ignored; unset means {@code s3}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static IdIndexMode parse(@Nullable String value) {
        String name = value == null ? "s3" : value.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "s3", "true" -> S3;
            case "mongo" -> MONGO;
            case "none", "false" -> NONE;
            default -> throw new IllegalArgumentException("it must be " + EXPECTED + ", was \"" + value + "\"");
        };
    }

    /** The mode as the property is set to it, e.g. {@code mongo}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
