package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3EmulatorTest {

    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "bucket-" + UUID.randomUUID();

    private static Emulators emulators;
    private static S3Client s3;

    private final BlockingQueue<ObjectCreated> created = new LinkedBlockingQueue<>();
    private final List<ObjectCreated> skipped = new ArrayList<>();
    private final ObjectCreatedListener recorder = created::add;

    @BeforeAll
    static void createBucket() {
        emulators = SharedEmulators.get();
        s3 = emulators.s3();
        s3.createBucket(create -> create.bucket(BUCKET));
    }

    @BeforeEach
    void listen() {
        emulators.addObjectCreatedListener(recorder);
    }

    @AfterEach
    void stopListening() {
        emulators.removeObjectCreatedListener(recorder);
    }

    @Test
    void putRangedGetAndList() {
        byte[] content = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
        s3.putObject(put -> put.bucket(BUCKET).key("ranged/alphabet.txt"), RequestBody.fromBytes(content));

        byte[] range = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("ranged/alphabet.txt")
                .range("bytes=10-19")).asByteArray();
        List<S3Object> listed = s3.listObjectsV2(list -> list.bucket(BUCKET).prefix("ranged/")).contents();

        assertThat(new String(range, StandardCharsets.US_ASCII)).isEqualTo("abcdefghij");
        assertThat(listed).extracting(S3Object::key, S3Object::size)
                .containsExactly(tuple("ranged/alphabet.txt", 36L));
    }

    @Test
    void putObjectNotifiesListener() throws InterruptedException {
        String eTag = s3.putObject(put -> put.bucket(BUCKET).key("imports/members.csv"),
                RequestBody.fromString("id;name\n1;Kari\n")).eTag();

        ObjectCreated event = nextEventFor("imports/members.csv");

        assertThat(event).isEqualTo(new ObjectCreated(BUCKET, "imports/members.csv", 15, eTag.replace("\"", "")));
    }

    @Test
    void multipartUploadNotifiesListenerOnceWithTheWholeSize() throws InterruptedException {
        String key = "imports/large.csv";
        byte[] firstPart = filled(5 * MIB, 'a');
        byte[] lastPart = filled(1024, 'b');
        String uploadId = s3.createMultipartUpload(create -> create.bucket(BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (byte[] part : List.of(firstPart, lastPart)) {
            int partNumber = parts.size() + 1;
            String eTag = s3.uploadPart(upload -> upload.bucket(BUCKET).key(key).uploadId(uploadId)
                    .partNumber(partNumber), RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }

        s3.completeMultipartUpload(complete -> complete.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts)));
        ObjectCreated event = nextEventFor(key);
        long storedSize = s3.headObject(head -> head.bucket(BUCKET).key(key)).contentLength();

        assertThat(event.bucket()).isEqualTo(BUCKET);
        assertThat(event.size()).isEqualTo(5L * MIB + 1024).isEqualTo(storedSize);
        // Neither the parts nor S3Proxy's hidden multipart bookkeeping object are reported.
        assertThat(skipped).isEmpty();
    }

    @Test
    void copyObjectNotifiesListener() throws InterruptedException {
        s3.putObject(put -> put.bucket(BUCKET).key("copy/source.txt"), RequestBody.fromString("copied"));

        s3.copyObject(copy -> copy.sourceBucket(BUCKET).sourceKey("copy/source.txt")
                .destinationBucket(BUCKET).destinationKey("copy/target.txt"));

        assertThat(nextEventFor("copy/target.txt").size()).isEqualTo(6);
    }

    @Test
    void failingListenerDoesNotStopOthersOrTheUpload() throws InterruptedException {
        ObjectCreatedListener failing = event -> {
            throw new IllegalStateException("listener failure expected by the test");
        };
        emulators.addObjectCreatedListener(failing);
        try {
            s3.putObject(put -> put.bucket(BUCKET).key("failing/listener.txt"), RequestBody.fromString("x"));

            assertThat(nextEventFor("failing/listener.txt").key()).isEqualTo("failing/listener.txt");
        } finally {
            emulators.removeObjectCreatedListener(failing);
        }
    }

    @Test
    void unsignedHttpPutIsAccepted() throws Exception {
        URI objectUri = URI.create(emulators.s3Endpoint() + "/" + BUCKET + "/unsigned/hello.txt");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(objectUri).PUT(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());

        String stored = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key("unsigned/hello.txt")).asUtf8String();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored).isEqualTo("hello");
        assertThat(nextEventFor("unsigned/hello.txt").size()).isEqualTo(5);
    }

    @Test
    void clientsInOtherRegionsCanCreateBuckets() {
        String bucket = "elsewhere-" + UUID.randomUUID();
        // Outside us-east-1 the SDK sends its region as the bucket's location constraint.
        try (S3Client elsewhere = S3Client.builder()
                .endpointOverride(emulators.s3Endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(true)
                .build()) {
            elsewhere.createBucket(create -> create.bucket(bucket));
        }

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(bucket);
    }

    /** Waits for the event about {@code key}; events about other objects are kept in {@link #skipped}. */
    private ObjectCreated nextEventFor(String key) throws InterruptedException {
        for (ObjectCreated event = created.poll(10, TimeUnit.SECONDS); event != null;
                event = created.poll(10, TimeUnit.SECONDS)) {
            if (event.bucket().equals(BUCKET) && event.key().equals(key)) {
                return event;
            }
            skipped.add(event);
        }
        throw new AssertionError("No ObjectCreated event for " + key);
    }

    private static byte[] filled(int size, char value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
