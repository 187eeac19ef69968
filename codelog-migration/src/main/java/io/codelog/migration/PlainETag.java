package io.codelog.migration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ETag S3 gives a body stored by a single-part PUT without SSE-KMS: the lower-case hex MD5 of its bytes. */
final class PlainETag {

    private PlainETag() {}

    static String of(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
    }
}
