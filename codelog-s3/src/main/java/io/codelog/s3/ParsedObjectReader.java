package io.codelog.s3;

import io.codelog.core.MalformedCodeLogException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GETs an object and parses its body, and GETs it once more when the body does not parse before calling it
 * unreadable. Amazon S3 replaces an object whole, so there the second GET only confirms a body that is really not
 * what its key promises (1 GET more per such object, none for a good one). S3-compatible servers that write an
 * object in place while it can be read (Adobe S3Mock does) serve a part-written body during a PUT; the second GET,
 * one round trip later, reads the finished object.
 */
final class ParsedObjectReader {

    private final S3Calls calls;

    ParsedObjectReader(S3Calls calls) {
        this.calls = calls;
    }

    /** What a body holds; throws {@link MalformedCodeLogException} when it is not that. */
    @FunctionalInterface
    interface BodyParser<T> {
        T parse(S3Calls.StoredObject object);
    }

    /** A parsed body and the ETag of the object it was read from. */
    record Parsed<T>(T value, String eTag) {}

    /** An object whose body did not parse on either GET, or that was too large to download. */
    static final class UnparsableObjectException extends MalformedCodeLogException {

        private final transient @Nullable String eTag;

        UnparsableObjectException(MalformedCodeLogException problem, @Nullable String eTag) {
            super(problem.reason(), problem);
            this.eTag = eTag;
        }

        /** The ETag of the object last read; null when it was too large to download. */
        @Nullable
        String eTag() {
            return eTag;
        }
    }

    /**
     * The object at the key, parsed; empty when there is no object (also when it is deleted between the two GETs).
     *
     * @throws UnparsableObjectException when the body did not parse twice, or the object is over the byte cap
     */
    <T> Optional<Parsed<T>> read(String operation, String key, BodyParser<T> parser) {
        try {
            return readOnce(operation, key, parser);
        } catch (UnparsableObjectException firstRead) {
            if (firstRead.eTag() == null) {
                throw firstRead;
            }
            return readOnce(operation, key, parser);
        }
    }

    private <T> Optional<Parsed<T>> readOnce(String operation, String key, BodyParser<T> parser) {
        Optional<S3Calls.StoredObject> stored;
        try {
            stored = calls.get(operation, key);
        } catch (MalformedCodeLogException tooLarge) {
            throw new UnparsableObjectException(tooLarge, null);
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        S3Calls.StoredObject object = stored.get();
        try {
            return Optional.of(new Parsed<>(parser.parse(object), object.eTag()));
        } catch (MalformedCodeLogException unparsable) {
            throw new UnparsableObjectException(unparsable, object.eTag());
        }
    }
}
