package no.dialog.local.bus;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The checks EventBridge makes on a PutEvents call, with its error codes and messages, so
 * code that passes here is not refused in AWS.
 */
final class EntryChecks {

    private EntryChecks() {
    }

    /** Refuses the whole call, as AWS does with a ValidationException, before anything is put. */
    static void checkCall(List<PutEventsEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new PutEventsValidationException(
                    "1 validation error detected: Value at 'entries' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1");
        }
        if (entries.size() > LocalEventBus.MAX_ENTRIES_PER_CALL) {
            throw new PutEventsValidationException("1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + LocalEventBus.MAX_ENTRIES_PER_CALL
                    + " (got " + entries.size() + ")");
        }
        long total = 0;
        for (PutEventsEntry entry : entries) {
            if (entry == null) {
                throw new PutEventsValidationException("1 validation error detected: Value null at 'entries' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            total += sizeOf(entry);
        }
        if (total > LocalEventBus.MAX_REQUEST_BYTES) {
            throw new PutEventsValidationException("Total size of the entries in the request is over the limit. ("
                    + total + " bytes; the limit is " + LocalEventBus.MAX_REQUEST_BYTES + ")");
        }
    }

    /**
     * The size AWS counts for an entry ("Calculating PutEvents event entry size"): 14 bytes
     * for a Time, plus the UTF-8 bytes of Source, DetailType, Detail and each Resource.
     */
    static long sizeOf(PutEventsEntry entry) {
        long size = entry.time() != null ? 14 : 0;
        size += utf8Length(entry.source()) + utf8Length(entry.detailType()) + utf8Length(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8Length(resource);
        }
        return size;
    }

    /**
     * The first problem with an entry's required fields, or {@code null} if there is none.
     * The Detail's JSON is checked separately, where it is parsed.
     */
    static PutEventsResultEntry missingOrForbidden(PutEventsEntry entry) {
        if (isBlank(entry.source())) {
            return PutEventsResultEntry.failure("InvalidArgument",
                    "Parameter Source is not valid. Reason: Source is a required argument.");
        }
        if (isBlank(entry.detailType())) {
            return PutEventsResultEntry.failure("InvalidArgument",
                    "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }
        if (isBlank(entry.detail())) {
            return PutEventsResultEntry.failure("InvalidArgument",
                    "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }
        // Only AWS services may send events with an "aws." source.
        if (entry.source().startsWith("aws.")) {
            return PutEventsResultEntry.failure("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        return null;
    }

    static PutEventsResultEntry malformedDetail() {
        return PutEventsResultEntry.failure("MalformedDetail", "Detail is malformed.");
    }

    static PutEventsResultEntry unknownBus(String busName) {
        return PutEventsResultEntry.failure("ResourceNotFoundException", "Event bus " + busName + " does not exist.");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static long utf8Length(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
