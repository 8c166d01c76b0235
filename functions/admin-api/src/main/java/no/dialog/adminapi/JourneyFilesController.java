package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.Locale;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.paging.Page;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunStore;
import no.dialog.core.staff.StaffRole;
import no.dialog.core.tenant.TenantId;

/**
 * {@code GET /admin/v1/journeys/{id}/files}: the journey's runs of letters, print files and call lists
 * (ADR 0010), newest day first, each with its state and, once closed, its files with a download link signed
 * for this request ({@link RunFileLinks}, one hour). Reading needs viewer, editor or admin; another tenant's
 * journey is a 404, and only the caller's tenant's runs are read. The files hold names and addresses, so only
 * editors and admins get links: a viewer sees the runs and their files with {@code link: null}.
 */
@Controller("/admin/v1/journeys/{id}/files")
public class JourneyFilesController {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JourneyStore journeys;
    private final RunStore runs;
    private final RunFileLinks links;

    public JourneyFilesController(JourneyStore journeys, RunStore runs, RunFileLinks links) {
        this.journeys = journeys;
        this.runs = runs;
        this.links = links;
    }

    @Get
    @StaffOnly(value = Access.READ, what = JourneysController.JOURNEYS)
    public HttpResponse<String> files(@PathVariable String id, StaffIdentity staff, APIGatewayV2HTTPEvent request) {
        Paging.Outcome paging = Paging.read(request);
        if (paging.refused()) {
            return paging.refusal();
        }
        TenantId tenant = staff.tenant();
        boolean mayDownload = staff.hasAnyRole(StaffRole.EDITOR.claim(), StaffRole.ADMIN.claim());
        if (!JourneyIds.isValid(id) || journeys.head(tenant, id).isEmpty()) {
            return JourneysController.notFound();
        }
        // A journey has a run per day and step at most, so the store reads them all and the page is cut
        // here; only the page's files get signed links.
        Page<Run> page;
        try {
            page = Page.ofOrdered(runs.runsOfJourney(tenant, id), run -> run.ref().runId(), paging.request());
        } catch (IllegalArgumentException notOurs) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, Paging.NOT_OURS);
        }
        ObjectNode body = MAPPER.createObjectNode().put("journeyId", id);
        ArrayNode list = body.putArray("runs");
        for (Run run : page.items()) {
            list.add(view(tenant, run, mayDownload));
        }
        return SegmentViews.json(HttpStatus.OK, Paging.withNext(body, page));
    }

    private ObjectNode view(TenantId tenant, Run run, boolean mayDownload) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("runId", run.ref().runId())
                .put("channel", run.ref().channel().jsonName())
                .put("version", run.version())
                .put("stepId", run.stepId())
                .put("state", run.status().name().toLowerCase(Locale.ROOT))
                .put("people", run.people())
                .put("excluded", run.excluded())
                .put("lastItemAt", run.lastItemAt().toString());
        if (run.closedAt() == null) {
            node.putNull("closedAt");
        } else {
            node.put("closedAt", run.closedAt().toString());
        }
        ArrayNode files = node.putArray("files");
        for (RunFile stored : run.files()) {
            // No link is signed at all for a viewer: a signed link is the download.
            RunFile file = mayDownload ? links.fresh(tenant, stored)
                    : new RunFile(stored.name(), stored.key(), stored.contentType(), null, null);
            ObjectNode f = files.addObject().put("name", file.name()).put("key", file.key())
                    .put("contentType", file.contentType());
            if (file.link() == null) {
                f.putNull("link").putNull("linkExpiresAt");
            } else {
                f.put("link", file.link()).put("linkExpiresAt", file.linkExpiresAt().toString());
            }
        }
        return node;
    }
}
