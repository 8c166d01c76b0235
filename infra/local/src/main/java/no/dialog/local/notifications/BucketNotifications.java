package no.dialog.local.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.emulators.ObjectCreated;
import no.dialog.emulators.ObjectCreatedListener;
import no.dialog.local.provision.LocalResources;
import no.dialog.local.template.BucketSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3 event notifications as template.yaml wires them ({@code NotificationConfiguration.QueueConfigurations}):
 * when an object is created in a bucket, an S3 event message in AWS's format goes to each queue whose
 * event and key filter match. S3Proxy cannot notify, so the emulators tell us of every created object.
 */
public final class BucketNotifications implements ObjectCreatedListener {

    private static final Logger LOG = LoggerFactory.getLogger(BucketNotifications.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_NAME = "ObjectCreated:Put";

    private final LocalResources resources;
    private final SqsClient sqs;
    private final Clock clock;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1000);

    public BucketNotifications(LocalResources resources, SqsClient sqs, Clock clock) {
        this.resources = resources;
        this.sqs = sqs;
        this.clock = clock;
    }

    @Override
    public void objectCreated(ObjectCreated object) {
        BucketSpec bucket = resources.bucketByName(object.bucket()).orElse(null);
        if (bucket == null) {
            return;
        }
        for (BucketSpec.QueueNotification notification : bucket.queueNotifications()) {
            if (notification.matches(EVENT_NAME, object.key())) {
                String queueUrl = resources.requireQueueUrl(notification.queueLogicalId());
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message(object, notification)));
                LOG.info("S3 notification for bucket {} sent to queue {}", object.bucket(), notification.queueLogicalId());
            }
        }
    }

    /** The S3 event message format (version 2.1), as S3 sends it to SQS. */
    String message(ObjectCreated object, BucketSpec.QueueNotification notification) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode records = root.putArray("Records");
        ObjectNode record = records.addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", "eu-north-1");
        record.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        record.put("eventName", EVENT_NAME);
        record.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", notification.queueLogicalId());
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", object.bucket());
        bucket.put("arn", "arn:aws:s3:::" + object.bucket());
        ObjectNode o = s3.putObject("object");
        // S3 URL-encodes keys in notifications (spaces become '+').
        o.put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        o.put("size", object.size());
        if (object.eTag() != null) {
            o.put("eTag", object.eTag().replace("\"", ""));
        }
        o.put("sequencer", Long.toHexString(sequencer.incrementAndGet()).toUpperCase());
        return root.toString();
    }
}
