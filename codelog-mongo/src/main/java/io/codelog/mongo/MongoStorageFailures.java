package io.codelog.mongo;

import com.mongodb.MongoException;
import io.codelog.core.CodeLogStorageException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;

/**
 * Runs MongoDB calls and turns their failures into {@link CodeLogStorageException}s naming the store, the
 * operation, the collection and MongoDB's error code. Driver messages are left out: they can hold server
 * addresses and, for write errors, the values of the document.
 */
public final class MongoStorageFailures {

    private static final String STORE = "mongo";

    private MongoStorageFailures() {}

    /**
     * The call's result.
     *
     * @throws CodeLogStorageException when the driver or Spring Data fails
     */
    public static <T> T run(String operation, String collection, Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException | MongoException e) {
            throw of(operation, collection, e);
        }
    }

    /** The storage exception for a failed call on a collection. */
    public static CodeLogStorageException of(String operation, String collection, RuntimeException e) {
        return new CodeLogStorageException(STORE, operation, "collection '" + collection + "': " + describe(e), e);
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e;
        while (!(cause instanceof MongoException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof MongoException mongoFailure && mongoFailure.getCode() > 0) {
            return mongoFailure.getClass().getSimpleName() + " (MongoDB error code " + mongoFailure.getCode() + ")";
        }
        return cause.getClass().getSimpleName();
    }
}
