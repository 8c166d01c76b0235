package no.dialog.providers.vipps;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsException;
import no.dialog.providers.ProviderAnswers;

/**
 * Vipps' standard authentication: {@code POST /accesstoken/get} with no body and the API keys as headers
 * ({@code client_id}, {@code client_secret}, {@code Ocp-Apim-Subscription-Key}, {@code Merchant-Serial-Number}).
 *
 * <p>The answer's lifetime fields come as strings in Vipps' guide ({@code "expires_in": "86398"}) and as numbers
 * in its API reference; both are read. {@code expires_in} (seconds from now, by our clock) is preferred over
 * {@code expires_on} (epoch seconds by Vipps' clock), so a skewed clock here cannot keep a dead token.
 */
final class VippsTokenEndpoint implements VippsAccessTokens.Fetcher {

    private final VippsClientSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final URI uri;

    VippsTokenEndpoint(VippsClientSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.uri = URI.create(settings.baseUrl() + "/accesstoken/get");
    }

    @Override
    public VippsAccessTokens.AccessToken fetch(VippsCredentials credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("client_id", credentials.clientId())
                .header("client_secret", credentials.clientSecret())
                .header("Ocp-Apim-Subscription-Key", credentials.subscriptionKey())
                .header("Merchant-Serial-Number", credentials.merchantSerialNumber())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        VippsHttpApi.systemHeaders(builder, settings);
        Instant asked = clock.instant();
        HttpResponse<String> response = VippsHttpApi.send(http, builder.build(), "getting an access token");
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw VippsHttpApi.failure(status, response.body(), "getting an access token");
        }
        JsonNode body = ProviderAnswers.parse(response.body());
        String token = body.path("access_token").asText("");
        if (token.isBlank()) {
            throw new VippsException("Vipps' access token answer has no access_token", status, false, null);
        }
        return new VippsAccessTokens.AccessToken(token, expiresAt(body, asked));
    }

    private static Instant expiresAt(JsonNode body, Instant asked) {
        long expiresIn = seconds(body.path("expires_in"));
        if (expiresIn > 0) {
            return asked.plusSeconds(expiresIn);
        }
        long expiresOn = seconds(body.path("expires_on"));
        if (expiresOn > 0) {
            return Instant.ofEpochSecond(expiresOn);
        }
        // No lifetime given: good for this call only, so the next one asks again.
        return asked;
    }

    private static long seconds(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
