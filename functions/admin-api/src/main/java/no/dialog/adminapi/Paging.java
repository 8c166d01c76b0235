package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;

/**
 * Paging of the list routes: {@code ?limit=} (1-200, default 50) and {@code ?cursor=}, and
 * {@code "nextCursor"} in the answer (null on the last page). A cursor is the store's key of the last
 * item shown, base64url-encoded: opaque to the caller, and harmless if forged, since the store reads
 * after it within the caller's tenant only.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    /** The reason a cursor is refused with, whether it does not decode or the store does not know its key. */
    static final String NOT_OURS = "cursor is not one this API gave: pass nextCursor from the previous page unchanged";
    /** Store keys are ids and sort keys: short. A longer cursor was not made by this API. */
    private static final int MAX_KEY_CHARS = 300;

    /** The page asked for, or the refusal to answer with: exactly one is set. */
    record Outcome(PageRequest request, HttpResponse<String> refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private Paging() {}

    static Outcome read(APIGatewayV2HTTPEvent request) {
        String limitText = QueryParameters.get(request, "limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            limit = limitText.matches("[0-9]{1,4}") ? Integer.parseInt(limitText) : -1;
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                return refuse("limit must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
            }
        }
        String cursor = QueryParameters.get(request, "cursor");
        if (cursor == null) {
            return new Outcome(PageRequest.first(limit), null);
        }
        Optional<String> key = decode(cursor);
        if (key.isEmpty()) {
            return refuse(NOT_OURS);
        }
        return new Outcome(new PageRequest(limit, key.get()), null);
    }

    /** Puts {@code nextCursor} on a list answer. */
    static ObjectNode withNext(ObjectNode body, Page<?> page) {
        Optional<String> next = page.lastKey().map(Paging::encode);
        if (next.isPresent()) {
            body.put("nextCursor", next.get());
        } else {
            body.putNull("nextCursor");
        }
        return body;
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String cursor) {
        if (cursor.length() > MAX_KEY_CHARS * 2 || !cursor.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            boolean plain = !key.isEmpty() && key.length() <= MAX_KEY_CHARS && key.chars().noneMatch(Character::isISOControl)
                    && key.indexOf('\uFFFD') < 0;
            return plain ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Outcome refuse(String reason) {
        return new Outcome(null, ApiErrors.of(HttpStatus.BAD_REQUEST, reason));
    }
}
