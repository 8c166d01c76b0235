package no.dialog.local.journeys;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import no.dialog.local.LocalStack;

/**
 * What a journey's results look like through the local stack once its clock has passed a Monday morning: the
 * weekly-summary schedule wrote the journey's CSV and PDF, the admin API lists them with links that download,
 * and the console's results page draws the funnel from the admin API's numbers and links the summaries.
 * Called by a journey test that has run a journey, so no second stack is started for it.
 */
final class ResultsConsoleChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ResultsConsoleChecks() {}

    private static HttpResponse<String> get(LocalStack stack, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @param queuedAtFirstStep how many the journey's step {@code firstStep} queued, as the funnel must draw it
     */
    static void check(LocalStack stack, String tenant, String journeyId, String firstStep, long queuedAtFirstStep)
            throws Exception {
        String viewer = JSON.readTree(get(stack, "/local/token?tenant=" + tenant + "&roles=viewer", null).body())
                .get("token").asText();
        String summariesPath = "/admin/v1/journeys/" + journeyId + "/summaries";
        eventually(() -> {
            try {
                return JSON.readTree(get(stack, summariesPath, viewer).body()).path("summaries").size() > 0;
            } catch (Exception e) {
                return false;
            }
        }, "the weekly summary written after the clock passed a Monday 06:00 in Oslo");
        JsonNode week = JSON.readTree(get(stack, summariesPath, viewer).body()).get("summaries").get(0);
        assertThat(week.get("files")).extracting(f -> f.get("format").asText()).containsExactly("csv", "pdf");
        JsonNode csv = week.get("files").get(0);
        assertThat(csv.get("key").asText()).isEqualTo("results/" + tenant + "/" + journeyId + "/"
                + week.get("week").asText() + ".csv");
        HttpResponse<String> downloaded = HTTP.send(HttpRequest.newBuilder(URI.create(csv.get("link").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(downloaded.statusCode()).as(downloaded.body()).isEqualTo(200);
        assertThat(downloaded.body()).startsWith("\uFEFFrow,version,stepId,variant,channel,day,enrolled,queued");

        HttpResponse<String> list = get(stack, "/local/results?tenant=" + tenant, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("/local/results?tenant=" + tenant + "&amp;journey=" + journeyId);

        HttpResponse<String> page = get(stack, "/local/results?tenant=" + tenant + "&journey=" + journeyId, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        // The funnel's bar for the first step's queued people carries the admin API's number.
        assertThat(page.body()).containsPattern(Pattern.compile("<rect class=\"step-stage\" data-stage=\"queued\" data-step=\""
                + Pattern.quote(firstStep) + "\"[^>]*data-count=\"" + queuedAtFirstStep + "\""));
        // Links are signed per request: the page's link to the same object, with a signature of its own.
        String link = csv.get("link").asText();
        assertThat(page.body()).contains("<figure class=\"per-day\"><svg", week.get("week").asText())
                .contains("<a href=\"" + link.substring(0, link.indexOf('?') + 1) + "X-Amz-Algorithm=");

        assertThat(get(stack, "/local/results?tenant=" + tenant + "&journey=no-such-journey", null).statusCode())
                .isEqualTo(404);
        assertThat(get(stack, "/local/results?tenant=NOT%20A%20TENANT", null).statusCode()).isEqualTo(400);
    }
}
