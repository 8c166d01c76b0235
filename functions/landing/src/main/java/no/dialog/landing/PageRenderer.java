package no.dialog.landing;

import no.dialog.aws.http.SecurityHeaders;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.landing.LandingPages;
import no.dialog.core.landing.LandingTexts;
import no.dialog.core.page.QuestionType;

/**
 * The landing pages' HTML, from Pebble templates in {@code landing/} with HTML autoescaping on (every
 * value is escaped unless the template says {@code raw}, which only the generated style block does).
 * The style is inline, and its SHA-256 goes into the Content-Security-Policy, so the page needs no
 * second request and allows no other style or any script at all.
 */
public final class PageRenderer {

    /** A rendered page and the policy that allows exactly its inline style. */
    public record Html(String body, String contentSecurityPolicy) {}

    private final PebbleEngine engine;
    private final PebbleTemplate style;
    private final PebbleTemplate form;
    private final PebbleTemplate message;
    private final String paymentOrigins;

    /** A renderer whose forms may only be sent to this site. */
    public PageRenderer() {
        this("");
    }

    /**
     * @param paymentOrigins origins (space-separated CSP sources) a form with a payment question may lead
     *                       to: the answer is posted here and answered with a redirect to the payment
     *                       provider, and browsers apply {@code form-action} to that redirect too
     */
    public PageRenderer(String paymentOrigins) {
        this.paymentOrigins = paymentOrigins == null ? "" : paymentOrigins.trim();
        ClasspathLoader loader = new ClasspathLoader(PageRenderer.class.getClassLoader());
        engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(false).newLineTrimming(true).methodAccessValidator((object, method) -> false)
                .build();
        style = engine.getTemplate("landing/style.peb");
        form = engine.getTemplate("landing/form.peb");
        message = engine.getTemplate("landing/message.peb");
    }

    public Html form(LandingPages.Form view, Branding branding, String lang, String action, String csrf,
                     String submission) {
        FormModel model = new FormModel(view, lang);
        Map<String, Object> context = base(branding, lang);
        String title = view.page().title().isEmpty()
                ? String.format(LandingTexts.get("page.title", lang), branding.senderName())
                : view.page().title().in(lang);
        context.put("title", title);
        context.put("intro", view.page().intro().isEmpty() ? null : view.page().intro().in(lang));
        context.put("questions", model.questions());
        context.put("errors", model.errorSummary());
        context.put("errorTitle", LandingTexts.get("page.errorSummary", lang));
        context.put("action", action);
        context.put("csrf", csrf);
        context.put("submission", submission);
        context.put("submit", LandingTexts.get("page.submit", lang));
        boolean asksForMoney = view.page().questions().stream().anyMatch(q -> q.type() == QuestionType.GIVE
                || q.type() == QuestionType.REGULAR_DONOR);
        return render(form, context, model.conditions(), branding, asksForMoney ? paymentOrigins : "");
    }

    /** A page with a heading and paragraphs: thanks, expired, unknown, used up, too many requests. */
    public Html message(Branding branding, String lang, String titleKey, List<String> paragraphKeys) {
        Map<String, Object> context = base(branding, lang);
        context.put("title", LandingTexts.get(titleKey, lang));
        context.put("paragraphs", paragraphKeys.stream().map(key -> LandingTexts.get(key, lang)).toList());
        return render(message, context, List.of(), branding, "");
    }

    private static Map<String, Object> base(Branding branding, String lang) {
        Map<String, Object> context = new HashMap<>();
        context.put("lang", lang);
        context.put("sender", branding.senderName());
        context.put("logo", branding.logo());
        return context;
    }

    private Html render(PebbleTemplate template, Map<String, Object> context, List<Map<String, Object>> conditions,
                        Branding branding, String formTargets) {
        String css = write(style, Map.of("colour", branding.colour(), "conditions", conditions));
        context.put("style", css);
        String formAction = formTargets.isEmpty() ? "'self'" : "'self' " + formTargets;
        String csp = SecurityHeaders.pagePolicy(css, formAction);
        return new Html(write(template, context), csp);
    }

    private static String write(PebbleTemplate template, Map<String, Object> context) {
        StringWriter out = new StringWriter(8192);
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
