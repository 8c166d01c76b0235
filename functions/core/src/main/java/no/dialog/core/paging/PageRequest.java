package no.dialog.core.paging;

/**
 * Which page of a list to read: at most {@code limit} items, those whose key comes after {@code after}
 * (null: from the start). The key is the store's own (an id, a sort key); callers outside Dialog get it
 * only wrapped in an opaque cursor.
 */
public record PageRequest(int limit, String after) {

    /** The most items one page may hold, whatever the caller asks for. */
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
