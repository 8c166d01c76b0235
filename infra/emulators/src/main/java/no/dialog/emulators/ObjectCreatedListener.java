package no.dialog.emulators;

/**
 * Is told about objects created in the local S3.
 *
 * <p>Called on one background thread, in the order the objects were created, as soon as the object is
 * stored (possibly before the uploading client has read its response). A slow listener delays later
 * notifications but never an upload. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ObjectCreatedListener {

    void objectCreated(ObjectCreated event);
}
