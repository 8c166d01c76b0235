package no.dialog.landing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.aws.http.SecurityHeaders;
import no.dialog.core.landing.LandingPages;
import no.dialog.core.landing.LinkCheck;
import no.dialog.core.landing.LinkTokens;
import no.dialog.core.page.Texts;
import no.dialog.core.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The landing function's HTTP side: {@code GET /p/{token}} shows the page, {@code POST /p/{token}} takes
 * the answers, {@code GET /landing/static} is a fixed response (the benchmark's ceiling; only the local stack
 * routes it, template.yaml does not). Rate limits
 * (per IP and per link, in this instance), the body size limit and CSRF are checked before anything is
 * read; every response carries the public routes' security headers ({@link SecurityHeaders}: a strict CSP
 * that forbids framing, {@code no-store}, {@code no-referrer} so the link does not leak to another site). A
 * body that cannot be read (bad base64, bad percent-encoding) is a 400, never a 500. Logs name the outcome only, never the token or an answer.
 */
public final class LandingRequests {

    private static final Logger LOG = LoggerFactory.getLogger(LandingRequests.class);
    static final String STATIC_PATH = "/landing/static";

    private final LandingPages pages;
    private final LinkTokens tokens;
    private final CsrfTokens csrf;
    private final PageRenderer renderer;
    private final RateLimiter perIp;
    private final RateLimiter perLink;
    private final boolean secureCookies;
    private final String baseUrl;

    /** As the full constructor, with links relative to this site (tests). */
    public LandingRequests(LandingPages pages, LinkTokens tokens, CsrfTokens csrf, PageRenderer renderer,
                           RateLimiter perIp, RateLimiter perLink, boolean secureCookies) {
        this(pages, tokens, csrf, renderer, perIp, perLink, secureCookies, "");
    }

    /**
     * @param baseUrl the public base URL ({@code PUBLIC_BASE_URL}): a payment provider sends the person back
     *                to {@code <baseUrl>/p/<token>}
     */
    public LandingRequests(LandingPages pages, LinkTokens tokens, CsrfTokens csrf, PageRenderer renderer,
                           RateLimiter perIp, RateLimiter perLink, boolean secureCookies, String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.pages = pages;
        this.tokens = tokens;
        this.csrf = csrf;
        this.renderer = renderer;
        this.perIp = perIp;
        this.perLink = perLink;
        this.secureCookies = secureCookies;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? "GET"
                : event.getRequestContext().getHttp().getMethod();
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        if (path.equals(STATIC_PATH)) {
            return response(200, "text/plain; charset=utf-8", "ok", SecurityHeaders.NOTHING, null);
        }
        String lang = requestedLanguage(event);
        if (!path.startsWith("/p/")) {
            return refused(LinkCheck.Refusal.UNKNOWN, lang);
        }
        String token = path.substring(3);
        String ip = event.getRequestContext().getHttp().getSourceIp();
        if (!perIp.allow("ip:" + ip) || !perLink.allow("link:" + token)) {
            LOG.info("landing {}: rate limited", method);
            APIGatewayV2HTTPResponse busy = page(429, renderer.message(Branding.neutral(), lang, "page.busy.title",
                    List.of("page.busy.body")), null);
            busy.getHeaders().put("Retry-After", "60");
            return busy;
        }
        if ("POST".equals(method)) {
            return post(event, token, lang);
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return response(405, "text/plain; charset=utf-8", "method not allowed", SecurityHeaders.NOTHING, null);
        }
        String payment = paymentReference(event);
        return show(payment != null ? pages.paymentReturn(token, payment) : pages.open(token), event, token, lang, null);
    }

    /** The {@code payment} query parameter a provider's return carries, if it is a well-formed reference. */
    private static String paymentReference(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters();
        String reference = query == null ? null : query.get("payment");
        return reference != null && reference.matches("[A-Za-z0-9-]{8,64}") ? reference : null;
    }

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event, String token, String lang) {
        String body = event.getBody() == null ? "" : event.getBody();
        if (event.getIsBase64Encoded()) {
            if (body.length() > FormBody.MAX_BYTES * 4 / 3 + 4) {
                return tooLarge(lang);
            }
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                LOG.info("landing POST: the body is not valid base64");
                return unreadable(lang);
            }
        }
        Map<String, List<String>> form;
        try {
            form = FormBody.parse(body);
        } catch (FormBody.Refused e) {
            LOG.info("landing POST: form refused ({})", e.getMessage());
            return e.tooLarge() ? tooLarge(lang) : unreadable(lang);
        }
        String submission = first(form.remove("submission"));
        String field = first(form.remove("csrf"));
        String nonce = cookie(event, CsrfTokens.COOKIE).orElse(null);
        Optional<LinkTokens.Parsed> parsed = tokens.parse(token);
        if (parsed.isEmpty()) {
            return refused(LinkCheck.Refusal.UNKNOWN, lang);
        }
        if (!CsrfTokens.isNonce(submission) || !csrf.matches(parsed.get().linkId(), nonce, field)) {
            LOG.info("landing POST: CSRF check failed");
            return page(403, renderer.message(Branding.neutral(), lang, "page.stale.title",
                    List.of("page.stale.body")), null);
        }
        LandingPages.View view;
        try {
            view = pages.submit(token, submission, form, baseUrl + "/p/" + token);
        } catch (RuntimeException e) {
            // A store, the bus or the payment provider failed: nothing was recorded as submitted, and every
            // effect is keyed by the submission, so sending the same form again is safe.
            LOG.error("landing POST failed ({}); the person is asked to send again", e.getClass().getSimpleName());
            APIGatewayV2HTTPResponse unavailable = page(503, renderer.message(Branding.neutral(), lang,
                    "page.unavailable.title", List.of("page.unavailable.body")), null);
            unavailable.getHeaders().put("Retry-After", "30");
            return unavailable;
        }
        return show(view, event, token, lang, submission);
    }

    private APIGatewayV2HTTPResponse show(LandingPages.View view, APIGatewayV2HTTPEvent event, String token,
                                          String lang, String submission) {
        if (view instanceof LandingPages.Refused refused) {
            LOG.info("landing: link refused ({})", refused.reason());
            return refused(refused.reason(), refused.language() != null && !hasLanguageParameter(event)
                    ? refused.language() : lang);
        }
        if (view instanceof LandingPages.Redirect redirect) {
            APIGatewayV2HTTPResponse response = response(303, "text/plain; charset=utf-8", "", SecurityHeaders.NOTHING, null);
            response.getHeaders().put("Location", redirect.url());
            return response;
        }
        if (view instanceof LandingPages.PaymentReturn back) {
            LOG.info("landing: back from payment ({})", back.result());
            String language = hasLanguageParameter(event) ? lang : back.language();
            String key = back.result() == Payments.PaymentResult.COMPLETED ? "completed"
                    : back.result() == Payments.PaymentResult.PENDING ? "pending" : "failed";
            return page(200, renderer.message(Branding.of(back.tenant()), language, "page.payment." + key + ".title",
                    List.of("page.payment." + key + ".body")), null);
        }
        if (view instanceof LandingPages.Done done) {
            LOG.info("landing: answers recorded");
            String language = hasLanguageParameter(event) ? lang : done.language();
            List<String> paragraphs = done.paymentUnavailable()
                    ? List.of("page.thanks.body", "page.thanks.paymentUnavailable") : List.of("page.thanks.body");
            return page(200, renderer.message(Branding.of(done.tenant()), language, "page.thanks.title", paragraphs), null);
        }
        LandingPages.Form form = (LandingPages.Form) view;
        if (!form.errors().isEmpty()) {
            LOG.info("landing: form shown again with {} errors", form.errors().size());
        }
        String language = hasLanguageParameter(event) ? lang : form.language();
        String nonce = cookie(event, CsrfTokens.COOKIE).filter(CsrfTokens::isNonce).orElseGet(CsrfTokens::newNonce);
        String linkId = form.link().linkId();
        PageRenderer.Html html = renderer.form(form, Branding.of(form.tenant()), language, "/p/" + token,
                csrf.field(linkId, nonce), submission != null ? submission : CsrfTokens.newNonce());
        String cookie = CsrfTokens.COOKIE + "=" + nonce + "; Path=/p/; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : "");
        return page(200, html, cookie);
    }

    private APIGatewayV2HTTPResponse refused(LinkCheck.Refusal refusal, String lang) {
        switch (refusal) {
            case EXPIRED:
                return page(410, renderer.message(Branding.neutral(), lang, "page.expired.title",
                        List.of("page.expired.body")), null);
            case USED:
                return page(200, renderer.message(Branding.neutral(), lang, "page.used.title",
                        List.of("page.used.body")), null);
            default:
                return page(404, renderer.message(Branding.neutral(), lang, "page.unknown.title",
                        List.of("page.unknown.body")), null);
        }
    }

    private APIGatewayV2HTTPResponse unreadable(String lang) {
        return page(400, renderer.message(Branding.neutral(), lang, "page.stale.title", List.of("page.stale.body")), null);
    }

    private APIGatewayV2HTTPResponse tooLarge(String lang) {
        return page(413, renderer.message(Branding.neutral(), lang, "page.stale.title", List.of("page.stale.body")), null);
    }

    private static APIGatewayV2HTTPResponse page(int status, PageRenderer.Html html, String cookie) {
        return response(status, "text/html; charset=utf-8", html.body(), html.contentSecurityPolicy(), cookie);
    }

    private static APIGatewayV2HTTPResponse response(int status, String type, String body, String csp, String cookie) {
        Map<String, String> headers = SecurityHeaders.of(type, csp);
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false).build();
        if (cookie != null) {
            List<String> cookies = new ArrayList<>();
            cookies.add(cookie);
            response.setCookies(cookies);
        }
        return response;
    }

    private static String requestedLanguage(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters();
        if (query != null && query.get("lang") != null) {
            return Texts.language(query.get("lang"), "nb");
        }
        Map<String, String> headers = event.getHeaders();
        String accept = headers == null ? null : headers.getOrDefault("accept-language", headers.get("Accept-Language"));
        return Texts.language(accept, "nb");
    }

    private static boolean hasLanguageParameter(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() != null && event.getQueryStringParameters().get("lang") != null;
    }

    private static Optional<String> cookie(APIGatewayV2HTTPEvent event, String name) {
        List<String> cookies = event.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies) {
            for (String part : cookie.split(";")) {
                String trimmed = part.trim();
                if (trimmed.startsWith(name + "=")) {
                    return Optional.of(trimmed.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
