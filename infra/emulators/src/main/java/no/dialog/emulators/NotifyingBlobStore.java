package no.dialog.emulators;

import java.util.List;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A jclouds {@link BlobStore} that reports every object it stores, because S3Proxy itself cannot send
 * S3 event notifications.
 *
 * <p>Every S3 request that creates an object reaches S3Proxy's blob store as one call: {@code putBlob}
 * (PutObject, browser POST upload), {@code copyBlob} (CopyObject) or {@code completeMultipartUpload}.
 * Parts of a multipart upload are not objects and are not reported. Only calls that return normally are
 * reported, so a failed or conditional-and-rejected write stays silent.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    /**
     * S3Proxy keeps a hidden "stub" object per open multipart upload on file and in-memory stores
     * (its {@code multipartStubName}); that is bookkeeping, not an object a client created.
     */
    private static final String S3PROXY_MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);

    private final ObjectCreatedDispatcher dispatcher;

    NotifyingBlobStore(BlobStore delegate, ObjectCreatedDispatcher dispatcher) {
        super(delegate);
        this.dispatcher = dispatcher;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        String eTag = super.putBlob(container, blob);
        created(container, blob.getMetadata().getName(), eTag);
        return eTag;
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        String eTag = super.putBlob(container, blob, options);
        created(container, blob.getMetadata().getName(), eTag);
        return eTag;
    }

    @Override
    public String copyBlob(String fromContainer, String fromName, String toContainer, String toName,
            CopyOptions options) {
        String eTag = super.copyBlob(fromContainer, fromName, toContainer, toName, options);
        created(toContainer, toName, eTag);
        return eTag;
    }

    @Override
    public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
        String eTag = super.completeMultipartUpload(upload, parts);
        created(upload.containerName(), upload.blobName(), eTag);
        return eTag;
    }

    private void created(String bucket, String key, String eTag) {
        if (key.startsWith(S3PROXY_MULTIPART_STUB_PREFIX) || !dispatcher.hasListeners()) {
            return;
        }
        try {
            // The size is read back from the store: a streamed or multipart upload does not know it up front.
            BlobMetadata stored = delegate().blobMetadata(bucket, key);
            long size = stored == null || stored.getSize() == null ? 0 : stored.getSize();
            String storedETag = eTag != null ? eTag : stored == null ? null : stored.getETag();
            dispatcher.dispatch(new ObjectCreated(bucket, key, size, unquote(storedETag)));
        } catch (RuntimeException e) {
            // The object is stored; failing the upload now would tell the client otherwise.
            LOG.warn("Stored {}/{} but could not report it to listeners", bucket, key, e);
        }
    }

    private static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
