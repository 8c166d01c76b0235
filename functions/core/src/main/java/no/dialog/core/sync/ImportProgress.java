package no.dialog.core.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.WriteOutcome;

/**
 * The checkpoint and running tally of one import. Saved after every chunk, so an import that is
 * stopped (time-out, crash) resumes at {@link #offset()} instead of starting over; rows read twice in
 * that case are harmless because storing a contact is idempotent.
 *
 * <p>At most {@link #MAX_LISTED_ERRORS} problems of rejected rows are listed (with line and reason); all rows are
 * counted.
 */
public final class ImportProgress {

    public static final int MAX_LISTED_ERRORS = 1000;

    private final String importId;
    private final ImportFile file;
    private final Instant startedAt;
    private ImportStatus status = ImportStatus.RUNNING;
    private long offset;
    private long lines;
    private long created;
    private long updated;
    private long unchanged;
    private long stale;
    private long rejected;
    private final List<RowError> errors = new ArrayList<>();
    private Instant finishedAt;
    private String reason;

    public ImportProgress(ImportFile file, Instant startedAt) {
        this.importId = file.importId();
        this.file = file;
        this.startedAt = startedAt;
    }

    /** Restores a saved checkpoint. */
    public static ImportProgress restore(ImportFile file, Instant startedAt, ImportStatus status, long offset,
            long lines, Map<WriteOutcome, Long> outcomes, long rejected, List<RowError> errors,
            Instant finishedAt, String reason) {
        ImportProgress p = new ImportProgress(file, startedAt);
        p.status = status;
        p.offset = offset;
        p.lines = lines;
        p.created = outcomes.getOrDefault(WriteOutcome.CREATED, 0L);
        p.updated = outcomes.getOrDefault(WriteOutcome.UPDATED, 0L);
        p.unchanged = outcomes.getOrDefault(WriteOutcome.UNCHANGED, 0L);
        p.stale = outcomes.getOrDefault(WriteOutcome.STALE, 0L);
        p.rejected = rejected;
        p.errors.addAll(errors);
        p.finishedAt = finishedAt;
        p.reason = reason;
        return p;
    }

    void count(WriteOutcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case STALE, DELETED -> stale++;
        }
    }

    /** Counts one rejected row and lists its problems (each problem is one entry with the row's line). */
    void rejectRow(List<RowError> problems) {
        rejected++;
        for (RowError error : problems) {
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(error);
            }
        }
    }

    void advanceTo(long offset, long lines) {
        this.offset = offset;
        this.lines = lines;
    }

    void complete(Instant at) {
        status = ImportStatus.COMPLETED;
        finishedAt = at;
    }

    void rejectFile(String reason, Instant at) {
        status = ImportStatus.REJECTED;
        this.reason = reason;
        finishedAt = at;
    }

    public String importId() { return importId; }
    public ImportFile file() { return file; }
    public Instant startedAt() { return startedAt; }
    public ImportStatus status() { return status; }
    public long offset() { return offset; }
    public long lines() { return lines; }
    public long created() { return created; }
    public long updated() { return updated; }
    public long unchanged() { return unchanged; }
    public long stale() { return stale; }
    public long rejected() { return rejected; }
    /** The listed problems; a row with several problems has several entries. */
    public List<RowError> errors() { return List.copyOf(errors); }
    public Instant finishedAt() { return finishedAt; }
    public String reason() { return reason; }

    /** Rows that reached storage (created + updated + unchanged + stale). */
    public long accepted() {
        return created + updated + unchanged + stale;
    }
}
