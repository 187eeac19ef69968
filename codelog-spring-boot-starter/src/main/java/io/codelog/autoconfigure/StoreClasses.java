package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import java.util.List;
import org.springframework.util.ClassUtils;

/**
 * The classes each store needs on the classpath, and the start-up failure that names the dependency to add when
 * a selected store's classes are missing: a service may exclude {@code codelog-mongo} or {@code codelog-s3}.
 */
final class StoreClasses {

    static final String MONGO_CLIENT = "com.mongodb.client.MongoClient";
    static final String MONGO_TEMPLATE = "org.springframework.data.mongodb.core.MongoTemplate";
    static final String S3_CLIENT = "software.amazon.awssdk.services.s3.S3Client";

    private StoreClasses() {}

    /** Whether every class the store needs can be loaded by the class loader. */
    static boolean present(Store store, ClassLoader classLoader) {
        return required(store).stream().allMatch(name -> ClassUtils.isPresent(name, classLoader));
    }

    /** The failure of a selection that needs a store whose classes are missing. */
    static CodeLogConfigurationException missing(Store store, StoreSelection selection, PropertyOrigins origins) {
        String property = store == selection.primary() ? StoreSelection.S3_ENABLED : StoreSelection.MODE;
        String because = selection.reasonFor(store) + " (" + origins.describe(property) + " is "
                + origins.valueOf(property) + ")";
        if (store == Store.S3) {
            return new CodeLogConfigurationException(
                    property,
                    because + " but the AWS SDK for S3 or codelog-s3 is not on the classpath.",
                    "Add the dependency io.codelog:codelog-s3 (it brings software.amazon.awssdk:s3), or set "
                            + PropertyOrigins.named(StoreSelection.S3_ENABLED) + " to false and "
                            + PropertyOrigins.named(StoreSelection.MODE) + " to single.");
        }
        return new CodeLogConfigurationException(
                property,
                because + " but codelog-mongo (Spring Data MongoDB and the MongoDB driver) is not on the classpath.",
                "Add the dependency io.codelog:codelog-mongo (the starter brings it unless it is excluded), or set "
                        + PropertyOrigins.named(StoreSelection.S3_ENABLED) + " to true and "
                        + PropertyOrigins.named(StoreSelection.MODE) + " to single.");
    }

    private static List<String> required(Store store) {
        return store == Store.S3
                ? List.of(S3_CLIENT, CodeLogAutoConfiguration.S3_STORE_TYPE)
                : List.of(MONGO_CLIENT, MONGO_TEMPLATE, CodeLogAutoConfiguration.MONGO_STORE_TYPE);
    }
}
