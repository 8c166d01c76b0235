package no.dialog.providers.email;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLException;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.email.EmailGateway;
import no.dialog.core.send.email.EmailMessage;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * {@link EmailGateway} on Amazon SES API v2 {@code SendEmail} ({@code POST /v2/email/outbound-emails}).
 *
 * <p>The message goes as {@code Simple} content: SES builds the MIME message (multipart/alternative,
 * encodings), and our own headers ({@code List-Unsubscribe}, {@code List-Unsubscribe-Post}) go in
 * {@code Content.Simple.Headers}, which this SDK version supports (ADR 0009). Tags and the configuration
 * set make SES publish send, delivery, open, click, bounce and complaint events carrying the tags.
 *
 * <p>How answers map (the rule for sending once is core's {@code OnceSender}):
 * <ul>
 *   <li>200: accepted; SES's {@code MessageId} is the provider id.</li>
 *   <li>{@code MessageRejected}, {@code MailFromDomainNotVerifiedException}, {@code BadRequestException}
 *       and any other 4xx about the request: {@link ProviderRejected} with SES's error code.</li>
 *   <li>Throttling ({@code TooManyRequestsException}, 429), quota ({@code LimitExceededException}), a
 *       paused or suspended account, an unknown configuration set ({@code NotFoundException}), refused
 *       credentials (401/403) and 5xx: {@link ProviderUnavailable}, surely not accepted; someone can fix
 *       these, and then the retry or a DLQ redrive sends the message.</li>
 *   <li>No connection: {@link ProviderUnavailable}, surely not accepted. The request went out and no
 *       answer came in time, or the connection broke: {@link ProviderUnavailable}, possibly accepted.</li>
 * </ul>
 * The client must not retry by itself ({@link #client}): an SDK retry after a read timeout would send a
 * message SES may already have taken.
 */
public final class SesEmailGateway implements EmailGateway {

    private static final Set<String> UNAVAILABLE_CODES = Set.of("TooManyRequestsException", "LimitExceededException",
            "SendingPausedException", "AccountSuspendedException", "NotFoundException", "Throttling",
            "ThrottlingException", "UnrecognizedClientException", "InvalidSignatureException",
            "SignatureDoesNotMatch", "AccessDeniedException", "ExpiredTokenException");

    private final SesV2Client ses;

    public SesEmailGateway(SesV2Client ses) {
        this.ses = Objects.requireNonNull(ses, "ses");
    }

    /**
     * An SES client fit for this gateway: no SDK retries, one attempt of at most {@code requestTimeout}.
     *
     * @param endpoint the SES endpoint to use instead of the region's (the local sandbox, WireMock), or null
     */
    public static SesV2Client client(SdkHttpClient http, Region region, AwsCredentialsProvider credentials,
                                     URI endpoint, Duration requestTimeout) {
        SesV2ClientBuilder builder = SesV2Client.builder().httpClient(http).region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(requestTimeout).apiCallTimeout(requestTimeout));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    @Override
    public String send(EmailMessage message) {
        try {
            return ses.sendEmail(request(message)).messageId();
        } catch (SesV2Exception e) {
            throw mapped(e);
        } catch (SdkClientException e) {
            throw unanswered(e);
        }
    }

    /** The SES v2 request for this message. */
    static SendEmailRequest request(EmailMessage message) {
        List<MessageHeader> headers = message.headers().entrySet().stream()
                .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build()).toList();
        List<MessageTag> tags = message.tags().entrySet().stream()
                .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build()).toList();
        Message simple = Message.builder()
                .subject(utf8(message.subject()))
                .body(Body.builder().html(utf8(message.html())).text(utf8(message.text())).build())
                .headers(headers)
                .build();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(Mailboxes.header(message.from(), message.fromName()))
                .destination(d -> d.toAddresses(message.to()))
                .content(EmailContent.builder().simple(simple).build())
                .emailTags(tags);
        if (message.replyTo() != null) {
            request.replyToAddresses(message.replyTo());
        }
        if (message.configurationSet() != null) {
            request.configurationSetName(message.configurationSet());
        }
        return request.build();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }

    private static RuntimeException mapped(SesV2Exception e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String what = "HTTP " + status + (code == null ? "" : ", " + code);
        if (status >= 500) {
            return new ProviderUnavailable("SES failed (" + what + ")", false, e);
        }
        if (status == 429 || status == 401 || status == 403 || (code != null && UNAVAILABLE_CODES.contains(code))) {
            return new ProviderUnavailable("SES did not take the message now (" + what + ")", false, e);
        }
        if (status >= 400) {
            // SES's messages name addresses ("Email address is not verified. ... : x@y"): only the code goes on.
            return new ProviderRejected("SES refused the message (" + what + ")");
        }
        return new ProviderUnavailable("SES answered " + what + " unexpectedly", false, e);
    }

    private static ProviderUnavailable unanswered(SdkClientException e) {
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return new ProviderUnavailable("no answer from SES in time; it may have accepted the message", true, e);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SSLException
                    || cause.getClass().getSimpleName().contains("ConnectTimeout")
                    || (cause instanceof InterruptedIOException && String.valueOf(cause.getMessage()).contains("connect"))) {
                return new ProviderUnavailable("SES could not be reached (" + cause.getClass().getSimpleName() + ")",
                        false, e);
            }
            if (cause instanceof IOException) {
                return new ProviderUnavailable("the connection to SES broke after the request went out ("
                        + cause.getClass().getSimpleName() + "); it may have accepted the message", true, e);
            }
        }
        // Nothing says the request went out (a signing or configuration error): nothing was accepted.
        return new ProviderUnavailable("the SES call failed before an answer (" + e.getClass().getSimpleName() + ")",
                false, e);
    }
}
