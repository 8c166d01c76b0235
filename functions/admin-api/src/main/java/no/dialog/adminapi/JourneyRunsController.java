package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.enrolment.CampaignReruns;
import no.dialog.core.enrolment.JourneyRun;
import no.dialog.core.enrolment.JourneyRuns;
import no.dialog.core.enrolment.SegmentJobs;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.tenant.TenantId;

/**
 * A journey's runs (docs/adr/0034-fresh-segments.md). {@code GET}: each run of a campaign or of a recurring
 * entry's period with what its evaluation read (the snapshot's time, the changed contacts laid over it),
 * how many matched and what became of them, and for a run that enrolled nobody the reason. {@code POST}:
 * run an active campaign again (202; the segmentation function evaluates the segment anew and enrols
 * whoever matches and was never in the journey, so nobody is enrolled twice).
 */
@Controller("/admin/v1/journeys/{id}/runs")
public class JourneyRunsController {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JourneyStore journeys;
    private final JourneyRuns runs;
    private final Optional<SegmentJobs> jobs;
    private final Clock clock;

    /** @param jobs the segment-jobs queue (template.yaml's SEGMENT_JOBS_QUEUE_URL); without it nothing can run again */
    public JourneyRunsController(JourneyStore journeys, JourneyRuns runs, Optional<SegmentJobs> jobs, Clock clock) {
        this.journeys = journeys;
        this.runs = runs;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Get
    @StaffOnly(value = Access.READ, what = JourneysController.JOURNEYS)
    public HttpResponse<String> list(@PathVariable String id, StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        if (!JourneyIds.isValid(id) || journeys.head(tenant, id).isEmpty()) {
            return JourneysController.notFound();
        }
        ObjectNode body = MAPPER.createObjectNode().put("journeyId", id);
        ArrayNode list = body.putArray("runs");
        runs.list(tenant, id).forEach(run -> list.add(view(run)));
        return SegmentViews.json(HttpStatus.OK, body);
    }

    @Post
    @StaffOnly(value = Access.WRITE, what = JourneysController.JOURNEYS)
    public HttpResponse<String> runAgain(@PathVariable String id, StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        Optional<JourneyHead> head = JourneyIds.isValid(id) ? journeys.head(tenant, id) : Optional.empty();
        if (head.isEmpty()) {
            return JourneysController.notFound();
        }
        Instant now = clock.instant();
        int version = head.get().activeVersion() > 0 ? head.get().activeVersion() : head.get().latestVersion();
        Optional<JsonNode> stored = journeys.version(tenant, id, version);
        JourneyDefinitions.Parsed parsed = stored.map(JourneyDefinitions::parse).orElse(null);
        if (parsed == null || !parsed.ok()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "journey " + id + " has no runnable version");
        }
        Optional<String> refusal = CampaignReruns.refusal(head.get().status(), parsed.definition().trigger(), now);
        if (refusal.isPresent()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "journey " + id + " cannot run again: " + refusal.get());
        }
        if (jobs.isEmpty()) {
            return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, "running a journey again is not configured here");
        }
        String runId = CampaignReruns.runId(now);
        jobs.get().rerun(tenant, id, runId);
        ObjectNode body = MAPPER.createObjectNode().put("journeyId", id).put("runId", runId).put("status", "queued");
        return SegmentViews.json(HttpStatus.ACCEPTED, body);
    }

    private static ObjectNode view(JourneyRun run) {
        ObjectNode node = MAPPER.createObjectNode().put("runId", run.runId()).put("status", run.status());
        putIfSet(node, "version", run.version());
        putIfSet(node, "evaluatedAt", run.evaluatedAt());
        putIfSet(node, "matched", run.matched());
        node.put("enrolled", run.outcome().enrolled())
                .put("alreadyEnrolled", run.outcome().alreadyEnrolled())
                .put("overCap", run.outcome().overCap())
                .put("notActive", run.outcome().notActive());
        putIfSet(node, "chunks", run.chunks());
        node.put("chunksDone", run.chunksDone());
        if (run.evaluatedAt() != null) {
            ObjectNode view = node.putObject("view");
            putIfSet(view, "basis", run.basis());
            putIfSet(view, "snapshotAsOf", run.snapshotAsOf());
            view.put("overlayContacts", run.overlayContacts());
            putIfSet(view, "readAt", run.readAt());
        }
        putIfSet(node, "reason", run.reason());
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        if (value instanceof Number number) {
            node.put(field, number.longValue());
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }
}
