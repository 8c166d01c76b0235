package no.dialog.local.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.readiness.Readiness.State;
import no.dialog.local.readiness.Readiness.Status;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Is the demo organisation complete? The sync function writes the import report next to the contact file
 * when the import has finished ({@code <file>.report.json}, status {@code completed} or {@code rejected}),
 * after every contact is stored and before it marks the checkpoint done; so the report is the mark of a
 * complete demo, and it stays in the data folder between runs. Until then the contacts table's count of
 * the demo tenant says how far the import is (finer than the import checkpoint, which moves every 2,000
 * rows).
 */
final class DemoImportCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final S3Client s3;
    private final String importsBucket;
    private final String fileKey;
    private final TenantId tenant;
    private final ContactStore contacts;
    private final long expected;

    DemoImportCheck(S3Client s3, String importsBucket, String fileKey, TenantId tenant, ContactStore contacts,
            long expected) {
        this.s3 = s3;
        this.importsBucket = importsBucket;
        this.fileKey = fileKey;
        this.tenant = tenant;
        this.contacts = contacts;
        this.expected = expected;
    }

    /** The state now: ready when the report says completed, failed when it says rejected, else starting. */
    State check() {
        Optional<JsonNode> report = report();
        if (report.isPresent()) {
            JsonNode r = report.get();
            long lines = r.path("lines").asLong(expected);
            long accepted = lines - r.path("rejected").asLong(0);
            if ("completed".equals(r.path("status").asText())) {
                return new State(Status.READY, accepted, lines, null);
            }
            return new State(Status.FAILED, accepted, expected,
                    "the demo contact file was rejected: " + r.path("reason").asText("see " + fileKey + ".report.json"));
        }
        long count = contacts.count(tenant);
        return new State(Status.STARTING, Math.min(count, expected), expected, null);
    }

    /** Whether the demo file's import has finished in this data folder (either way). */
    boolean finished() {
        return report().isPresent();
    }

    private Optional<JsonNode> report() {
        try {
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(importsBucket).key(fileKey + ".report.json")).asByteArray();
            return Optional.of(MAPPER.readTree(bytes));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // half-written or unreadable: look again next time
        }
    }
}
