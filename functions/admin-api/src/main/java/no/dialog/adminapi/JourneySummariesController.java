package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.results.ResultsWeek;
import no.dialog.core.results.SummaryFiles;
import no.dialog.core.results.SummaryFiles.StoredSummary;
import no.dialog.core.tenant.TenantId;

/**
 * {@code GET /admin/v1/journeys/{id}/summaries}: the journey's weekly results summaries (written by the
 * weekly-summary function), newest week first, each week with its CSV and PDF and a download link signed for
 * this request ({@link SummaryLinks}, one hour). The summaries hold aggregate numbers only, no person, so
 * viewers get links too (unlike run files). Another tenant's journey is a 404, and only the journey's own prefix
 * is listed. Unpaged: one summary a week, kept as long as the exports bucket keeps objects.
 */
@Controller("/admin/v1/journeys/{id}/summaries")
public class JourneySummariesController {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JourneyStore journeys;
    private final SummaryFiles summaries;
    private final SummaryLinks links;

    public JourneySummariesController(JourneyStore journeys, SummaryFiles summaries, SummaryLinks links) {
        this.journeys = journeys;
        this.summaries = summaries;
        this.links = links;
    }

    @Get
    @StaffOnly(value = Access.READ, what = JourneysController.JOURNEYS)
    public HttpResponse<String> summaries(@PathVariable String id, StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        if (!JourneyIds.isValid(id) || journeys.head(tenant, id).isEmpty()) {
            return JourneysController.notFound();
        }
        Map<ResultsWeek, ArrayNode> files = new LinkedHashMap<>();
        ObjectNode body = MAPPER.createObjectNode().put("journeyId", id);
        ArrayNode weeks = body.putArray("summaries");
        for (StoredSummary stored : summaries.list(tenant, id)) {
            ArrayNode ofWeek = files.computeIfAbsent(stored.week(), week -> weeks.addObject()
                    .put("week", week.toString()).put("from", week.monday().toString())
                    .put("to", week.sunday().toString()).putArray("files"));
            ObjectNode file = ofWeek.addObject().put("format", stored.format().extension()).put("key", stored.key())
                    .put("contentType", stored.format().contentType());
            links.sign(tenant, id, stored.key()).ifPresentOrElse(
                    link -> file.put("link", link.url()).put("linkExpiresAt", link.expiresAt().toString()),
                    () -> file.putNull("link").putNull("linkExpiresAt"));
        }
        return SegmentViews.json(HttpStatus.OK, body);
    }
}
