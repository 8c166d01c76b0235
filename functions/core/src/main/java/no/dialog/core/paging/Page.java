package no.dialog.core.paging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list a store keeps in key order: the items, and the key of the last one when more
 * follow ({@code after} of the next {@link PageRequest}); empty on the last page. Stores page on their
 * own keys (a DynamoDB sort key), so a page costs what it holds, not the whole list.
 *
 * <pre>{@code
 * Page<SegmentDefinition> first = segments.page(tenant, PageRequest.first(50));
 * Page<SegmentDefinition> second = segments.page(tenant, first.next().orElseThrow());
 * }</pre>
 */
public record Page<T>(List<T> items, Optional<String> lastKey, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    /** The request for the page after this one, if any. */
    public Optional<PageRequest> next() {
        return lastKey.map(key -> new PageRequest(limit, key));
    }

    /**
     * A page cut from a whole list, for stores that cannot page themselves: the items whose key is after
     * {@code request.after()}, in key order, at most {@code request.limit()} of them.
     */
    public static <T> Page<T> of(List<T> all, Function<T, String> key, PageRequest request) {
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(key));
        List<T> items = new ArrayList<>();
        boolean more = false;
        for (T item : sorted) {
            if (request.after() != null && key.apply(item).compareTo(request.after()) <= 0) {
                continue;
            }
            if (items.size() == request.limit()) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more ? Optional.of(key.apply(items.getLast())) : Optional.empty(), request.limit());
    }
}
