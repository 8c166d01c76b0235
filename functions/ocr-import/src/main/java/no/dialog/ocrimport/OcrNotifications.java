package no.dialog.ocrimport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;

/**
 * Reads the messages on the OCR imports queue: S3 event notifications (version 2.x, one or more records)
 * for objects created under {@code ocr/}, and S3's test event when the notification is set up.
 */
final class OcrNotifications {

    private OcrNotifications() {}

    /**
     * The OCR files the message announces; empty for S3's test event and for records of other events.
     *
     * @throws PermanentFailure if the message is not an S3 notification or names a key that is not an OCR file
     */
    static List<OcrUpload> uploads(String body) {
        JsonNode message = MessageFields.object(body);
        if ("s3:TestEvent".equals(message.path("Event").asText())) {
            return List.of();
        }
        JsonNode records = message.get("Records");
        if (records == null || !records.isArray()) {
            throw new PermanentFailure("not an S3 event notification (no Records)");
        }
        List<OcrUpload> uploads = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String key = s3.path("object").path("key").asText("");
            if (key.isEmpty()) {
                throw new PermanentFailure("the S3 notification has no object key");
            }
            // S3 URL-encodes keys in notifications (spaces as '+').
            uploads.add(OcrUpload.of(s3.path("bucket").path("name").asText(""),
                    URLDecoder.decode(key, StandardCharsets.UTF_8)));
        }
        return uploads;
    }
}
