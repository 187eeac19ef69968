package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Mode;
import io.codelog.autoconfigure.CodeLogProperties.Store;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.Environment;

/**
 * The store codelog writes to and the mode in which the other store joins it, read from {@code codelog.store},
 * {@code codelog.s3.enabled} and {@code codelog.mode}. Read by the conditions that pick the store
 * configurations and by the bean that composes them, so both always agree.
 *
 * @param primary the store that receives new logs and answers reads first
 * @param mode how the other store joins it
 */
public record StoreSelection(Store primary, Mode mode) {

    static final String STORE = "codelog.store";
    static final String S3_ENABLED = "codelog.s3.enabled";
    static final String MODE = "codelog.mode";

    /**
     * The selection the environment asks for.
     *
     * @throws CodeLogConfigurationException when a value does not parse or the store and the flag disagree
     */
    public static StoreSelection of(Environment environment) {
        Binder binder = Binder.get(environment);
        Store store = bind(binder, STORE, Store.class, "mongo or s3");
        Boolean s3Enabled = bind(binder, S3_ENABLED, Boolean.class, "true or false");
        Mode mode = bind(binder, MODE, Mode.class, "single, fallback or dual-write");
        Store flagged = Boolean.TRUE.equals(s3Enabled) ? Store.S3 : Store.MONGO;
        if (store != null && s3Enabled != null && store != flagged) {
            PropertyOrigins origins = new PropertyOrigins(environment);
            throw new CodeLogConfigurationException(
                    STORE,
                    "The store is set twice and the two disagree: " + origins.describe(STORE) + " is " + wireName(store)
                            + " but " + origins.describe(S3_ENABLED) + " is " + s3Enabled + ".",
                    "Set only one of them, or make them agree.");
        }
        return new StoreSelection(store != null ? store : flagged, mode != null ? mode : Mode.SINGLE);
    }

    /** The store that is not the primary one. */
    Store secondary() {
        return primary == Store.MONGO ? Store.S3 : Store.MONGO;
    }

    /** Whether this selection needs the given store configured. */
    boolean needs(Store store) {
        return store == primary || mode != Mode.SINGLE;
    }

    /** Why a store is needed, for messages, e.g. {@code codelog.mode is fallback, which uses both stores}. */
    String reasonFor(Store store) {
        if (store == primary) {
            return (store == Store.S3 ? "S3" : "MongoDB") + " is the selected store";
        }
        return "codelog.mode is " + wireName(mode) + ", which uses both stores";
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> @Nullable T bind(Binder binder, String property, Class<T> type, String expected) {
        try {
            return binder.bind(property, Bindable.of(type)).orElse(null);
        } catch (BindException e) {
            ConfigurationProperty bad = e.getProperty();
            String named = PropertyOrigins.named(property, bad == null ? null : bad.getOrigin());
            String value = bad == null ? "" : " \"" + bad.getValue() + "\"";
            throw new CodeLogConfigurationException(
                    property,
                    named + " has the value" + value + ", which is not " + expected + ".",
                    "Set " + PropertyOrigins.named(property) + " to " + expected + ".");
        }
    }
}
