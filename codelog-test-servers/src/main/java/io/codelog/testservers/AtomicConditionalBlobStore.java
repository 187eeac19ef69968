package io.codelog.testservers;

import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Makes s3proxy's conditional writes atomic, as Amazon S3's are. s3proxy 4.1.0 checks {@code If-Match} in its
 * request handler and writes afterwards (check, then act), so two PUTs with {@code If-Match} on the same ETag can
 * both succeed. This store serialises every write of one key (PutObject, DeleteObject and the per-key deletes of
 * DeleteObjects, the destination of CopyObject, CompleteMultipartUpload) under a lock striped by bucket and key,
 * and inside the lock checks the request's {@code If-Match} and {@code If-None-Match} against the object as it is
 * then, answering as s3proxy does: 412 {@code PreconditionFailed}, or 404 {@code NoSuchKey} for {@code If-Match}
 * on a missing key.
 *
 * <p>s3proxy keeps {@code If-Match: *} and a conditional DELETE's {@code If-Match} out of the requests it hands to
 * a filesystem or transient store (it checks them itself beforehand), so those two stay check-then-act.
 */
final class AtomicConditionalBlobStore extends ForwardingBlobStore {

    private static final int STRIPES = 64;
    private static final String ANY = "*";

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    AtomicConditionalBlobStore(BlobStore delegate) {
        super(delegate);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        return underLock(request.bucket(), request.key(), () -> {
            checkConditions(request.bucket(), request.key(), request.ifMatch(), request.ifNoneMatch());
            return super.putBlob(request, payload);
        });
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return underLock(request.destinationBucket(), request.destinationKey(), () -> {
            checkConditions(
                    request.destinationBucket(), request.destinationKey(), request.ifMatch(), request.ifNoneMatch());
            return super.copyBlob(request);
        });
    }

    // BlobStore's default removeBlobs (DeleteObjects) deletes key by key through this method, so it is locked too.
    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return underLock(request.bucket(), request.key(), () -> {
            if (request.ifMatch() != null) {
                checkConditions(request.bucket(), request.key(), request.ifMatch(), null);
            }
            return super.removeBlob(request);
        });
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        return underLock(upload.containerName(), upload.blobName(), () -> {
            checkConditions(upload.containerName(), upload.blobName(), request.ifMatch(), request.ifNoneMatch());
            return super.completeMultipartUpload(upload, request);
        });
    }

    private <T> T underLock(String bucket, String key, Supplier<T> write) {
        ReentrantLock lock = stripes[Math.floorMod((bucket + '/' + key).hashCode(), STRIPES)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    /** The same answers as s3proxy's own check (S3ProxyHandler.checkConditionalWrite), on the current object. */
    private void checkConditions(String bucket, String key, String ifMatch, String ifNoneMatch) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        HeadObjectResponse current = delegate().blobMetadataIfPresent(bucket, key);
        if (ifMatch != null) {
            if (current == null) {
                throw new S3ProxyException(S3ErrorCode.NO_SUCH_KEY);
            }
            if (!ANY.equals(ifMatch) && !sameETag(ifMatch, current.eTag())) {
                throw new S3ProxyException(S3ErrorCode.PRECONDITION_FAILED);
            }
        }
        if (ifNoneMatch != null && current != null) {
            if (ANY.equals(ifNoneMatch) || sameETag(ifNoneMatch, current.eTag())) {
                throw new S3ProxyException(S3ErrorCode.PRECONDITION_FAILED);
            }
        }
    }

    private static boolean sameETag(String condition, String eTag) {
        return eTag != null && unquoted(condition).equals(unquoted(eTag));
    }

    private static String unquoted(String eTag) {
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
