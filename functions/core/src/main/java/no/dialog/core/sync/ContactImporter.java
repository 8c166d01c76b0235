package no.dialog.core.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.Problem;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.observability.Metrics;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a contact file (NDJSON, one contact per line) into the tenant's contacts.
 *
 * <ul>
 *   <li>Valid rows are stored; invalid rows are listed in the report with line number and reason, and
 *       the import goes on: it never stops at the first bad row.</li>
 *   <li>The file is read in chunks; after each chunk a checkpoint is saved. When the function's time is
 *       nearly up, the import asks to be continued and returns; a crash resumes from the last
 *       checkpoint. Either way no chunk is restarted from zero.</li>
 *   <li>Re-importing the same file changes nothing: stored data as new as the row's is left alone.</li>
 * </ul>
 */
public final class ContactImporter {

    /** What one invocation achieved. */
    public enum Step { COMPLETED, CONTINUES_LATER, ALREADY_DONE, REJECTED }

    private static final Logger LOG = LoggerFactory.getLogger(ContactImporter.class);

    /** Rows per chunk: large enough to batch storage calls well, small enough to checkpoint often. */
    static final int CHUNK_ROWS = 2000;

    /** Stop reading new chunks when less than this is left of the invocation. */
    static final long SAFETY_MARGIN_MILLIS = 30_000;

    private final ContactStore contacts;
    private final TenantDirectory tenants;
    private final ImportFiles files;
    private final ImportProgressStore progressStore;
    private final ImportContinuations continuations;
    private final Metrics metrics;
    private final Clock clock;
    private final ContactJson contactJson;

    public ContactImporter(ContactStore contacts, TenantDirectory tenants, ImportFiles files,
            ImportProgressStore progressStore, ImportContinuations continuations, Metrics metrics, Clock clock) {
        this.contacts = contacts;
        this.tenants = tenants;
        this.files = files;
        this.progressStore = progressStore;
        this.continuations = continuations;
        this.metrics = metrics;
        this.clock = clock;
        this.contactJson = new ContactJson(clock);
    }

    /**
     * Imports as much of the file as the time allows.
     *
     * @param remainingMillis how long this invocation may still run
     */
    public Step run(ImportFile file, LongSupplier remainingMillis) {
        Optional<ImportProgress> saved = progressStore.load(file.importId());
        if (saved.isPresent() && saved.get().status() != ImportStatus.RUNNING) {
            LOG.info("import already finished; notification ignored");
            return Step.ALREADY_DONE;
        }
        ImportProgress progress = saved.orElseGet(() -> new ImportProgress(file, clock.instant()));

        Optional<TenantId> tenant = file.tenant();
        if (tenant.isEmpty()) {
            return rejectFile(progress, "the file must lie at <tenant>/contacts/<name>.ndjson");
        }
        if (tenants.find(tenant.get()).isEmpty()) {
            return rejectFile(progress, "no such tenant");
        }

        try (ByteCountingLineReader reader = new ByteCountingLineReader(
                files.openFrom(file, progress.offset()), progress.offset())) {
            while (true) {
                boolean endOfFile = importChunk(tenant.get(), reader, progress);
                if (!progressStore.save(progress)) {
                    LOG.info("another invocation of this import is further on; this one stops");
                    return Step.ALREADY_DONE;
                }
                if (endOfFile) {
                    break;
                }
                if (remainingMillis.getAsLong() < SAFETY_MARGIN_MILLIS) {
                    continuations.continueLater(file);
                    LOG.info("import paused at line {}; continues in a new invocation", progress.lines());
                    return Step.CONTINUES_LATER;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the contact file failed", e);
        }

        progress.complete(clock.instant());
        files.writeReport(file, ImportReport.toJson(progress));
        progressStore.save(progress);
        metrics.count(Map.of("function", "sync", "tenant", tenant.get().value()), Map.of(
                "contactsImported", progress.created() + progress.updated(),
                "contactsUnchanged", progress.unchanged() + progress.stale(),
                "contactsRejected", progress.rejected()));
        LOG.info("import completed: {} lines, {} created, {} updated, {} unchanged, {} older ignored, {} rejected",
                progress.lines(), progress.created(), progress.updated(), progress.unchanged(), progress.stale(),
                progress.rejected());
        return Step.COMPLETED;
    }

    /** Reads and stores up to one chunk of rows; returns true at the end of the file. */
    private boolean importChunk(TenantId tenant, ByteCountingLineReader reader, ImportProgress progress)
            throws IOException {
        // Later rows for the same id win within a chunk (a batch write may not name an item twice);
        // the earlier ones count as older data.
        Map<String, Contact> latestById = new LinkedHashMap<>();
        long superseded = 0;
        long lineNumber = progress.lines();
        long endOffset = progress.offset();
        boolean endOfFile = false;
        int rows = 0;
        while (rows < CHUNK_ROWS) {
            ByteCountingLineReader.Line line = reader.next();
            if (line == null) {
                endOfFile = true;
                break;
            }
            lineNumber++;
            endOffset = line.endOffset();
            if (line.text() == null) {
                progress.rejectRow(List.of(new RowError(lineNumber, null, "", "not valid UTF-8")));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            rows++;
            ContactJson.Parsed parsed = contactJson.read(line.text());
            if (!parsed.ok()) {
                List<RowError> rowErrors = new ArrayList<>();
                for (Problem problem : parsed.problems()) {
                    rowErrors.add(new RowError(lineNumber, parsed.contactId(), problem.field(), problem.reason()));
                }
                progress.rejectRow(rowErrors);
                continue;
            }
            Contact contact = parsed.contact();
            Contact earlier = latestById.get(contact.id());
            if (earlier == null || contact.updatedAt().isAfter(earlier.updatedAt())) {
                latestById.put(contact.id(), contact);
            }
            if (earlier != null) {
                superseded++;
            }
        }
        if (!latestById.isEmpty()) {
            Map<String, WriteOutcome> outcomes = contacts.upsertAll(tenant, new ArrayList<>(latestById.values()));
            outcomes.values().forEach(progress::count);
        }
        for (long i = 0; i < superseded; i++) {
            progress.count(WriteOutcome.STALE);
        }
        progress.advanceTo(endOffset, lineNumber);
        return endOfFile;
    }

    private Step rejectFile(ImportProgress progress, String reason) {
        progress.rejectFile(reason, clock.instant());
        files.writeReport(progress.file(), ImportReport.toJson(progress));
        progressStore.save(progress);
        LOG.warn("import rejected: {}", reason);
        return Step.REJECTED;
    }
}
