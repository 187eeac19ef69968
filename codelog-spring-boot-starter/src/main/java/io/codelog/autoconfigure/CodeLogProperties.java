package io.codelog.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which store codelog writes to and how a second store joins it during a migration or a rollback, bound from
 * {@code codelog.*}.
 */
@ConfigurationProperties(prefix = CodeLogProperties.PREFIX)
public class CodeLogProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog";

    /**
     * The store that receives new logs and answers reads first; when unset, s3 if codelog.s3.enabled is true,
     * else mongo.
     */
    private @Nullable Store store;

    /** How the other store joins the selected one: single, fallback or dual-write. */
    private Mode mode = Mode.SINGLE;

    /** The store that receives new logs and answers reads first, or null to follow codelog.s3.enabled. */
    public @Nullable Store getStore() {
        return store;
    }

    /** Sets the store that receives new logs. */
    public void setStore(@Nullable Store store) {
        this.store = store;
    }

    /** How the other store joins the selected one. */
    public Mode getMode() {
        return mode;
    }

    /** Sets how the other store joins the selected one. */
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** A back end that holds code logs. */
    public enum Store {
        /** MongoDB, in the Go service's collection and document shape. */
        MONGO,
        /** Amazon S3 or an S3-compatible server, in the Go service's key layout. */
        S3
    }

    /** How the two stores work together. */
    public enum Mode {
        /** Only the selected store is used. */
        SINGLE,
        /**
         * New logs go to the selected store; reads try it first and then the other one; updates and deletes act
         * where the log lives (the seed's migration by date, and the rollback that keeps every log visible).
         */
        FALLBACK,
        /**
         * Writes go to the selected store and then to the other one; reads come from the selected store; a
         * failed copy is recorded, never the caller's failure (the seed's dual write).
         */
        DUAL_WRITE
    }
}
