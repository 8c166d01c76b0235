package no.dialog.webhooks;

import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.Signal;
import no.dialog.core.optout.OptOut;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.send.UnsubscribeTokens;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * {@code GET|POST /webhooks/unsubscribe/{tenant}?token=...}: the unsubscribe link of e-mails.
 * GET asks for confirmation (a mail scanner that follows links must not unsubscribe anyone); POST, from
 * the page's button or as RFC 8058 one-click ({@code List-Unsubscribe=One-Click}), records the opt-out
 * and publishes {@code unsubscribed}. A bad token, or one of another tenant, gets the same 400 page
 * whatever the reason, and the success page is the same whether Dialog still knows the person or not.
 */
@Singleton
class UnsubscribePages {

    private final UnsubscribeTokens tokens;
    private final OptOuts optOuts;
    private final ResponsePublisher responses;
    private final Clock clock;

    UnsubscribePages(UnsubscribeTokens tokens, OptOuts optOuts, ResponsePublisher responses, Clock clock) {
        this.tokens = tokens;
        this.optOuts = optOuts;
        this.responses = responses;
        this.clock = clock;
    }

    WebhookReply handle(TenantId tenant, WebhookRequest request) {
        String token = request.query().get("token");
        Optional<UnsubscribeTokens.Unsubscribe> verified = tokens.verify(token).filter(u -> u.tenant().equals(tenant));
        if (verified.isEmpty()) {
            return WebhookReply.html(400, page("Lenken virker ikke",
                    "<p>Denne avmeldingslenken er ikke gyldig. Kopier hele lenken fra e-posten og prøv igjen.</p>"));
        }
        if (request.method().equals("GET")) {
            String action = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            return WebhookReply.html(200, page("Meld deg av",
                    "<p>Vil du ikke lenger få " + channelText(verified.get()) + " fra oss?</p>"
                    + "<form method=\"post\" action=\"" + action + "\">"
                    + "<button type=\"submit\">Meld meg av</button></form>"));
        }
        UnsubscribeTokens.Unsubscribe unsubscribe = verified.get();
        Instant now = clock.instant();
        String day = now.atZone(OsloTime.ZONE).toLocalDate().toString();
        String id = "unsubscribe:" + unsubscribe.contactId() + ":" + unsubscribe.channel().jsonName() + ":" + day;
        optOuts.record(tenant, new OptOut(unsubscribe.contactId(), unsubscribe.channel(), "email-unsubscribe",
                OptOut.OPT_OUT, now, id));
        responses.publish(tenant, List.of(new Signal(id, "unsubscribed", unsubscribe.contactId(), now,
                Map.of("channel", unsubscribe.channel().jsonName()), null, null)));
        return WebhookReply.html(200, page("Du er meldt av",
                "<p>Du får ikke flere " + channelText(unsubscribe) + " fra oss. Det gjelder fra nå.</p>"));
    }

    private static String channelText(UnsubscribeTokens.Unsubscribe unsubscribe) {
        switch (unsubscribe.channel()) {
            case NEWSLETTER:
                return "nyhetsbrev";
            case SMS:
                return "SMS-er";
            default:
                return "e-poster";
        }
    }

    /** The page's only style, inline; its hash is what the page's Content-Security-Policy allows. */
    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;"
            + "line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.2rem}";

    /** A small page that works without script or style sheet, readable by screen readers. */
    static String page(String title, String content) {
        return "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + title + "</title>"
                + "<style>" + STYLE + "</style></head>"
                + "<body><main><h1>" + title + "</h1>" + content + "</main></body></html>\n";
    }
}
