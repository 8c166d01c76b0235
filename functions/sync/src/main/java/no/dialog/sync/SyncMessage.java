package no.dialog.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.sync.ContactErasures;
import no.dialog.core.sync.ImportFile;

/**
 * The kinds of message on the sync function's queues, told apart by their shape:
 * an S3 event notification (a contact file was uploaded), the function's own "continue this import",
 * and an EventBridge event: a change in the member register, or its request to erase a person
 * ({@code ContactErased}).
 */
sealed interface SyncMessage {

    record FilesUploaded(List<ImportFile> files) implements SyncMessage {}

    record ContinueImport(ImportFile file) implements SyncMessage {}

    record ChangeEvent(String eventJson) implements SyncMessage {}

    /** The register's {@code ContactErased}: starts an erasure. */
    record EraseEvent(String eventJson) implements SyncMessage {}

    /** S3's test message when a notification is configured; nothing to do. */
    record StorageTestEvent() implements SyncMessage {}

    ObjectMapper MAPPER = new ObjectMapper();

    static SyncMessage parse(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("the message is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new PermanentFailure("the message is not a JSON object");
        }
        if (node.has("Records")) {
            return filesUploaded(node.get("Records"));
        }
        if ("s3:TestEvent".equals(node.path("Event").asText())) {
            return new StorageTestEvent();
        }
        if (node.has("continueImport")) {
            JsonNode f = node.get("continueImport");
            return new ContinueImport(new ImportFile(f.path("bucket").asText(), f.path("key").asText(),
                    f.path("eTag").asText(), f.path("sequencer").asText()));
        }
        if (ContactErasures.isErasure(node)) {
            return new EraseEvent(body);
        }
        if (node.has("detail-type")) {
            return new ChangeEvent(body);
        }
        throw new PermanentFailure("unrecognised message: neither an S3 notification nor an EventBridge event");
    }

    private static FilesUploaded filesUploaded(JsonNode records) {
        List<ImportFile> files = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String key = s3.path("object").path("key").asText("");
            if (key.isEmpty()) {
                throw new PermanentFailure("the S3 notification has no object key");
            }
            // S3 notifications URL-encode keys (spaces as '+').
            files.add(new ImportFile(s3.path("bucket").path("name").asText(),
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    s3.path("object").path("eTag").asText(""), s3.path("object").path("sequencer").asText("")));
        }
        return new FilesUploaded(files);
    }
}
