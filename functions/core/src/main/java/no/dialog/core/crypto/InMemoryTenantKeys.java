package no.dialog.core.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.tenant.TenantId;

/** {@link TenantKeys} in memory, for core's tests and tools: random keys per tenant, rotated on request. */
public final class InMemoryTenantKeys implements TenantKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<TenantId, List<byte[]>> keys = new ConcurrentHashMap<>();

    @Override
    public DataKey current(TenantId tenant) {
        List<byte[]> list = keys.computeIfAbsent(tenant, t -> newList());
        synchronized (list) {
            return new DataKey(list.size(), list.getLast().clone());
        }
    }

    @Override
    public DataKey byId(TenantId tenant, int id) {
        List<byte[]> list = keys.get(tenant);
        if (list == null) {
            throw new UnknownKey("the tenant has no data key " + id);
        }
        synchronized (list) {
            if (id < 1 || id > list.size()) {
                throw new UnknownKey("the tenant has no data key " + id);
            }
            return new DataKey(id, list.get(id - 1).clone());
        }
    }

    /** Adds the tenant's next key, which seals from now on; @return its id */
    public int rotate(TenantId tenant) {
        List<byte[]> list = keys.computeIfAbsent(tenant, t -> newList());
        synchronized (list) {
            list.add(random());
            return list.size();
        }
    }

    private static List<byte[]> newList() {
        List<byte[]> list = new ArrayList<>();
        list.add(random());
        return list;
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
