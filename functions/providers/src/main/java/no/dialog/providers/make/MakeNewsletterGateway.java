package no.dialog.providers.make;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import no.dialog.core.send.ListSync;
import no.dialog.core.send.ListSyncResult;
import no.dialog.core.send.NewsletterAccount;
import no.dialog.core.send.NewsletterGateway;
import no.dialog.core.send.NewsletterSubscription;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.providers.ProviderAnswers;

/**
 * {@link NewsletterGateway} on Make's subscribers API (docs/providers/make.md), basic auth
 * {@code user_id:api_key} of the organisation's account. Two calls per subscription:
 * <ol>
 *   <li>{@code POST /subscribers/by_email {"email"}}: is the person known (200, with {@code lists} and
 *       {@code email_status}) or not (404)? A person whose e-mail status is {@code unsubscribed} or
 *       {@code bounce} is not subscribed again: {@link ProviderRejected}. Their "no" at Make outranks an
 *       older "yes" in the member register.</li>
 *   <li>{@code POST /subscribers?subscriber_list_id[]=<list>} with {@code email}, {@code firstname},
 *       {@code lastname}, {@code external_id} (the contact id) and the consent field
 *       ({@code "granted <time> (<source>)"}): Make creates the subscriber or updates them and adds them to
 *       the list.</li>
 * </ol>
 * The result is {@code added} (unknown before), {@code updated} (known, not on this list) or
 * {@code already-subscribed}.
 *
 * <p>Subscribing is an upsert, so asking twice is harmless: a timeout is {@link ProviderUnavailable}
 * <em>surely not accepted</em> (retried), unlike an SMS. 401/403, 408, 429 and 5xx are unavailable; 404
 * on the subscribe call (no such list), 400 and 422 are {@link ProviderRejected}, with Make's message
 * (addresses and numbers masked).
 */
public final class MakeNewsletterGateway implements NewsletterGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_AGAIN = Set.of("unsubscribed", "bounce", "bounced");

    private final MakeSettings settings;
    private final HttpClient http;

    public MakeNewsletterGateway(MakeSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    MakeNewsletterGateway(MakeSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public ListSyncResult subscribe(NewsletterSubscription subscription) {
        String authorization = authorization(subscription.account());
        Answer known = call(URI.create(settings.baseUrl() + "/subscribers/by_email"), authorization,
                JSON.createObjectNode().put("email", subscription.email()).toString());
        boolean found;
        boolean onList = false;
        if (known.status() == 404) {
            found = false;
        } else if (known.ok()) {
            found = true;
            String status = known.body().path("email_status").asText("").toLowerCase(Locale.ROOT);
            if (NOT_AGAIN.contains(status)) {
                throw new ProviderRejected("Make: the subscriber's e-mail status is " + status
                        + "; not subscribed again");
            }
            onList = onList(known.body().path("lists"), subscription.listId());
        } else {
            throw failure("looking the subscriber up", known);
        }

        Answer subscribed = call(URI.create(settings.baseUrl() + "/subscribers?subscriber_list_id%5B%5D="
                + subscription.listId()), authorization, body(subscription));
        if (!subscribed.ok()) {
            if (subscribed.status() == 404) {
                throw new ProviderRejected("Make refused the subscription (HTTP 404): list " + subscription.listId()
                        + " not found in the account" + described(subscribed.body()));
            }
            throw failure("subscribing", subscribed);
        }
        JsonNode id = subscribed.body().path("id");
        String subscriberId = id.isNumber() || id.isTextual() ? id.asText() : null;
        ListSync sync = !found ? ListSync.ADDED : onList ? ListSync.ALREADY_SUBSCRIBED : ListSync.UPDATED;
        return new ListSyncResult(subscriberId, sync);
    }

    /** The subscriber JSON for the subscribe call. */
    String body(NewsletterSubscription subscription) {
        ObjectNode body = JSON.createObjectNode();
        body.put("email", subscription.email());
        if (subscription.firstName() != null) {
            body.put("firstname", subscription.firstName());
        }
        if (subscription.lastName() != null) {
            body.put("lastname", subscription.lastName());
        }
        body.put("external_id", subscription.externalId());
        String field = subscription.account().consentField() != null ? subscription.account().consentField()
                : settings.defaultConsentField();
        String source = subscription.consent().source();
        String consent = "granted " + subscription.consent().at()
                + (source == null || source.isBlank() ? "" : " (" + source.strip() + ")");
        body.put(field, consent.length() > 200 ? consent.substring(0, 200) : consent);
        return body.toString();
    }

    private static boolean onList(JsonNode lists, String listId) {
        if (!lists.isArray()) {
            return false;
        }
        for (JsonNode list : lists) {
            // Make's examples show list ids; accept {"id": ...} objects too.
            JsonNode id = list.isObject() ? list.path("id") : list;
            if (listId.equals(id.asText())) {
                return true;
            }
        }
        return false;
    }

    private Answer call(URI uri, String authorization, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), ProviderAnswers.parse(response.body()));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderUnavailable("Make could not be reached (" + e.getClass().getSimpleName() + ")", false, e);
        } catch (HttpTimeoutException e) {
            // An upsert: if Make did take it, doing it again changes nothing.
            throw new ProviderUnavailable("no answer from Make within " + settings.requestTimeout().toMillis()
                    + " ms; subscribing again is harmless", false, e);
        } catch (IOException e) {
            throw new ProviderUnavailable("the connection to Make broke (" + e.getClass().getSimpleName()
                    + "); subscribing again is harmless", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for Make", false, e);
        }
    }

    private static RuntimeException failure(String doing, Answer answer) {
        int status = answer.status();
        String what = "HTTP " + status;
        if (status == 401 || status == 403) {
            return new ProviderUnavailable("Make refused the account's credentials while " + doing + " (" + what + ")",
                    false);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new ProviderUnavailable("Make did not answer " + doing + " now (" + what + ")", false);
        }
        if (status >= 400) {
            return new ProviderRejected("Make refused " + doing + " (" + what + ")" + described(answer.body()));
        }
        return new ProviderUnavailable("Make answered " + doing + " with " + what + " unexpectedly", false);
    }

    private static String described(JsonNode body) {
        String message = body.path("message").asText("");
        if (message.isBlank()) {
            message = body.path("status").asText("");
        }
        String safe = ProviderAnswers.masked(message);
        return safe.isEmpty() ? "" : ": " + safe;
    }

    private static String authorization(NewsletterAccount account) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
    }

    private record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
