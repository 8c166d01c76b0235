package no.dialog.emulators;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;

/**
 * S3Proxy, an S3-compatible server, running inside this JVM on 127.0.0.1 over a jclouds blob store:
 * a folder on disk ("filesystem" provider: one sub-folder per bucket, one file per object) or memory
 * ("transient" provider).
 *
 * <p>Requests are not authenticated, so SDK clients with any credentials and plain unsigned HTTP
 * ({@code curl -T file http://127.0.0.1:PORT/bucket/key}) both work. Buckets are addressed path-style
 * ({@code /bucket/key}). Objects created are reported through {@link ObjectCreatedListener}s.
 */
final class S3Server implements AutoCloseable {

    private final BlobStoreContext blobStores;
    private final ObjectCreatedDispatcher dispatcher;
    private final S3Proxy proxy;

    private S3Server(BlobStoreContext blobStores, ObjectCreatedDispatcher dispatcher, S3Proxy proxy) {
        this.blobStores = blobStores;
        this.dispatcher = dispatcher;
        this.proxy = proxy;
    }

    /**
     * @param baseDir folder to keep buckets in, or {@code null} for in memory
     * @param port    the port, or 0 for a free one
     */
    static S3Server start(Path baseDir, int port) throws Exception {
        BlobStoreContext blobStores = openBlobStores(baseDir);
        ObjectCreatedDispatcher dispatcher = new ObjectCreatedDispatcher();
        BlobStore blobStore = new NotifyingBlobStore(
                new ObjectsOnlyListingBlobStore(new AnyRegionBlobStore(blobStores.getBlobStore())), dispatcher);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                // NONE skips signature checks but still reads SDK-signed (and chunk-signed) uploads, so the SDK
                // and a plain unsigned curl both work.
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        try {
            proxy.start();
            return new S3Server(blobStores, dispatcher, proxy);
        } catch (Exception e) {
            try {
                proxy.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            dispatcher.close();
            blobStores.close();
            throw e;
        }
    }

    private static BlobStoreContext openBlobStores(Path baseDir) throws Exception {
        Properties settings = new Properties();
        String provider = "transient";
        if (baseDir != null) {
            Files.createDirectories(baseDir);
            provider = "filesystem";
            settings.setProperty(FilesystemConstants.PROPERTY_BASEDIR, baseDir.toString());
        }
        return ContextBuilder.newBuilder(provider)
                .overrides(settings)
                // Send jclouds' own logging to SLF4J like everything else (its default is java.util.logging).
                .modules(List.of(new SLF4JLoggingModule()))
                .buildView(BlobStoreContext.class);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    void addListener(ObjectCreatedListener listener) {
        dispatcher.add(listener);
    }

    void removeListener(ObjectCreatedListener listener) {
        dispatcher.remove(listener);
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            dispatcher.close();
            blobStores.close();
        }
    }
}
