package no.dialog.webhooks;

import jakarta.inject.Singleton;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import no.dialog.core.observability.LogKeys;

/**
 * The routes of the webhooks function, {@code /webhooks/<provider>/<tenant>}:
 * <pre>
 *   POST     link-sms      LINK delivery reports          basic auth, user "link"
 *   POST     link-sms-mo   SMS people send us (LINK MO)   basic auth, user "link"
 *   POST     link-chat     LINK Conversations replies     basic auth, user "link"
 *   POST     tm            Dialog Norge call results      basic auth, user "tm"
 *   GET|POST unsubscribe   e-mail unsubscribe links       the signed token in the query
 * </pre>
 * Credentials are checked before the body is read, and every refusal on a provider route (a name that is no
 * tenant id, no credentials, wrong ones, another route's) gets the same answer, {@link #REFUSED}: a caller
 * learns nothing about which tenants exist; the log says why. Nothing here calls a provider: verify,
 * record, enqueue, answer.
 */
@Singleton
class WebhookRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
    static final String REFUSED = "not accepted";

    private final WebhookPasswords passwords;
    private final LinkDeliveryReports deliveryReports;
    private final LinkChatReplies chatReplies;
    private final LinkSmsReplies smsReplies;
    private final TmResults tmResults;
    private final UnsubscribePages unsubscribePages;

    WebhookRoutes(WebhookPasswords passwords, LinkDeliveryReports deliveryReports, LinkChatReplies chatReplies,
            LinkSmsReplies smsReplies, TmResults tmResults, UnsubscribePages unsubscribePages) {
        this.passwords = passwords;
        this.deliveryReports = deliveryReports;
        this.chatReplies = chatReplies;
        this.smsReplies = smsReplies;
        this.tmResults = tmResults;
        this.unsubscribePages = unsubscribePages;
    }

    WebhookReply handle(WebhookRequest request) {
        String[] segments = request.path() == null ? new String[0] : request.path().split("/", -1);
        // "", "webhooks", provider, tenant
        if (segments.length != 4 || !segments[1].equals("webhooks")) {
            return WebhookReply.error(404, "no such webhook");
        }
        String provider = segments[2];
        if (!TenantId.isValid(segments[3])) {
            if (userOf(provider).isPresent()) {
                return refused(provider, "not a tenant id");
            }
            return WebhookReply.error(404, "no such tenant");
        }
        TenantId tenant = TenantId.of(segments[3]);
        MDC.put(LogKeys.TENANT, tenant.value());
        try {
            if (provider.equals("unsubscribe")) {
                if (!request.method().equals("GET") && !request.method().equals("POST")) {
                    return WebhookReply.error(405, "use GET or POST").withHeader("Allow", "GET, POST");
                }
                return unsubscribePages.handle(tenant, request);
            }
            Optional<String> user = userOf(provider);
            if (user.isEmpty()) {
                return WebhookReply.error(404, "no such webhook");
            }
            if (!request.method().equals("POST")) {
                return WebhookReply.error(405, "use POST").withHeader("Allow", "POST");
            }
            Optional<String> refusal = passwords.refusal(request.header("authorization"), user.get(), provider, tenant);
            if (refusal.isPresent()) {
                return refused(provider, refusal.get());
            }
            return dispatch(provider, tenant, request);
        } catch (BadRequest e) {
            LOG.warn("{} webhook refused a payload: {}", provider, e.getMessage());
            return WebhookReply.error(400, e.getMessage());
        } finally {
            MDC.remove(LogKeys.TENANT);
        }
    }

    private static WebhookReply refused(String provider, String reason) {
        LOG.warn("{} webhook refused: {}", provider, reason);
        return WebhookReply.error(401, REFUSED)
                .withHeader("WWW-Authenticate", "Basic realm=\"dialog-webhooks\", charset=\"UTF-8\"");
    }

    private WebhookReply dispatch(String provider, TenantId tenant, WebhookRequest request) {
        switch (provider) {
            case "link-sms":
                return deliveryReports.handle(tenant, request);
            case "link-chat":
                return chatReplies.handle(tenant, request);
            case "link-sms-mo":
                return smsReplies.handle(tenant, request);
            default:
                return tmResults.handle(tenant, request);
        }
    }

    private static Optional<String> userOf(String provider) {
        switch (provider) {
            case "link-sms":
            case "link-sms-mo":
            case "link-chat":
                return Optional.of("link");
            case "tm":
                return Optional.of("tm");
            default:
                return Optional.empty();
        }
    }
}
