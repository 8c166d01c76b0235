package no.dialog.emulators;

/**
 * An object was written to the local S3, by a PutObject, a POST upload, a copy or a completed
 * multipart upload: the local counterpart of an {@code s3:ObjectCreated:*} event.
 *
 * @param bucket the bucket name
 * @param key    the object key
 * @param size   the object's size in bytes
 * @param eTag   the object's ETag without surrounding quotes, as in S3 event notifications
 */
public record ObjectCreated(String bucket, String key, long size, String eTag) {
}
