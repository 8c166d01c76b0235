package no.dialog.aws.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link SendQueues} on the channel queues. A channel is served when its queue URL is configured
 * ({@code send.sms.queue.url} from {@code SEND_SMS_QUEUE_URL}, {@code SEND_EMAIL_QUEUE_URL}, and so on);
 * the others are "not sendable" in this deployment.
 */
@Singleton
public class SqsSendQueues implements SendQueues {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SqsClient sqs;
    private final Map<SendChannel, String> queueUrls = new EnumMap<>(SendChannel.class);

    public SqsSendQueues(SqsClient sqs, @Value("${send.sms.queue.url:}") String sms,
            @Value("${send.chat.queue.url:}") String chat, @Value("${send.email.queue.url:}") String email,
            @Value("${send.newsletter.queue.url:}") String newsletter, @Value("${send.letter.queue.url:}") String letter,
            @Value("${send.print.queue.url:}") String print,
            @Value("${send.telemarketing.queue.url:}") String telemarketing) {
        this.sqs = sqs;
        serve(SendChannel.SMS, sms);
        serve(SendChannel.CHAT, chat);
        serve(SendChannel.EMAIL, email);
        serve(SendChannel.NEWSLETTER, newsletter);
        serve(SendChannel.LETTER, letter);
        serve(SendChannel.PRINT, print);
        serve(SendChannel.TELEMARKETING, telemarketing);
    }

    /** Only the SMS queue: for tests and tools that send nothing else. */
    public static SqsSendQueues smsOnly(SqsClient sqs, String smsQueueUrl) {
        return new SqsSendQueues(sqs, smsQueueUrl, "", "", "", "", "", "");
    }

    private void serve(SendChannel channel, String url) {
        if (url != null && !url.isBlank()) {
            queueUrls.put(channel, url);
        }
    }

    /**
     * Puts one request back on its channel's queue, invisible for {@code delaySeconds} (at most 900, what
     * SQS allows): a send that may not go yet comes back then and is checked again.
     */
    public void enqueueLater(SendRequest request, int delaySeconds) {
        String url = queueUrls.get(SendChannel.fromJsonName(request.channel())
                .orElseThrow(() -> new IllegalArgumentException("unknown channel")));
        if (url == null) {
            throw new IllegalArgumentException("no queue for channel " + request.channel());
        }
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(write(request))
                .delaySeconds(Math.max(0, Math.min(900, delaySeconds))));
    }

    @Override
    public boolean serves(SendChannel channel) {
        return queueUrls.containsKey(channel);
    }

    @Override
    public void enqueue(List<SendRequest> requests) {
        Map<String, List<String>> byQueue = new LinkedHashMap<>();
        for (SendRequest request : requests) {
            SendChannel channel = SendChannel.fromJsonName(request.channel())
                    .orElseThrow(() -> new IllegalArgumentException("unknown channel"));
            String url = queueUrls.get(channel);
            if (url == null) {
                throw new IllegalArgumentException("no queue for channel " + request.channel());
            }
            byQueue.computeIfAbsent(url, u -> new ArrayList<>()).add(write(request));
        }
        byQueue.forEach((url, bodies) -> MessageBatches.send(sqs, url, bodies));
    }

    public static String write(SendRequest request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a send request", e);
        }
    }

    public static SendRequest read(String body) throws JsonProcessingException {
        return JSON.readValue(body, SendRequest.class);
    }
}
