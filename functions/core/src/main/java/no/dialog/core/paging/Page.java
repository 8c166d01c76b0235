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

    /**
     * A page cut from a whole list in the order it has (newest first, say): the items after the one whose
     * key is {@code request.after()}, at most {@code request.limit()} of them.
     *
     * @throws IllegalArgumentException when no item has the key {@code after} (it was not given for this list)
     */
    public static <T> Page<T> ofOrdered(List<T> ordered, Function<T, String> key, PageRequest request) {
        int from = 0;
        if (request.after() != null) {
            from = -1;
            for (int i = 0; i < ordered.size() && from < 0; i++) {
                if (key.apply(ordered.get(i)).equals(request.after())) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException("not a key of this list");
            }
        }
        int to = Math.min(ordered.size(), from + request.limit());
        List<T> items = ordered.subList(from, to);
        Optional<String> last = to < ordered.size() ? Optional.of(key.apply(items.getLast())) : Optional.empty();
        return new Page<>(items, last, request.limit());
    }

    /** The same page with every item turned into another (a view of it, a review). */
    public <R> Page<R> map(Function<T, R> convert) {
        return new Page<>(items.stream().map(convert).toList(), lastKey, limit);
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
