package no.dialog.emulators;

import java.util.List;
import java.util.stream.Collectors;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A jclouds {@link BlobStore} whose flat listings hold objects only, as in S3.
 *
 * <p>The filesystem store keeps {@code imports/a.csv} in a folder {@code imports}, and lists that folder
 * as a 4096-byte entry {@code imports/} when listing without a delimiter; S3Proxy would pass it on as an
 * object that no client created. Listings with a delimiter are left alone: there S3Proxy turns folders
 * into common prefixes, as it should. The cost: an empty "folder" object put on purpose (a key ending in
 * {@code /}) is also missing from flat listings when the emulators keep their data on disk.
 */
final class ObjectsOnlyListingBlobStore extends ForwardingBlobStore {

    ObjectsOnlyListingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        PageSet<? extends StorageMetadata> page = super.list(container, options);
        if (!options.isRecursive()) {
            return page;
        }
        List<StorageMetadata> objects = page.stream()
                .filter(entry -> entry.getType() != StorageType.FOLDER)
                .collect(Collectors.toList());
        return new PageSetImpl<>(objects, page.getNextMarker());
    }
}
