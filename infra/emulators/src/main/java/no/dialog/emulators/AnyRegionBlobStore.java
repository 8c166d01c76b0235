package no.dialog.emulators;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.domain.Location;
import org.jclouds.domain.LocationBuilder;
import org.jclouds.domain.LocationScope;
import software.amazon.awssdk.regions.Region;

/**
 * A jclouds {@link BlobStore} that offers every AWS region as a place for new buckets.
 *
 * <p>An SDK client outside us-east-1 sends its region as the CreateBucket location constraint, and S3Proxy
 * rejects any constraint its blob store does not list; the file and memory stores list none. The store
 * itself ignores where a bucket "is", so accepting every region makes clients in any region work.
 */
final class AnyRegionBlobStore extends ForwardingBlobStore {

    private final Set<Location> locations;

    AnyRegionBlobStore(BlobStore delegate) {
        super(delegate);
        Set<? extends Location> own = delegate.listAssignableLocations();
        Location parent = own.isEmpty() ? null : own.iterator().next();
        Set<Location> all = new LinkedHashSet<>(own);
        for (Region region : Region.regions()) {
            all.add(new LocationBuilder().scope(LocationScope.REGION).id(region.id()).description(region.id())
                    .parent(parent).build());
        }
        this.locations = Set.copyOf(all);
    }

    @Override
    public Set<? extends Location> listAssignableLocations() {
        return locations;
    }
}
