package no.dialog.core.template;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;

/**
 * Renders a template the way staff see it before a journey runs: for a given contact or for a made-up
 * sample person, always with the placeholder link (no real link is minted for a preview), so the text
 * and the SMS part count are those of a real send.
 * <pre>{@code
 * RenderedMessage shown = new TemplatePreview(renderer).sample(template, "Naturvernforbundet", "Vårkampanje", today);
 * shown.smsParts().parts();
 * }</pre>
 */
public final class TemplatePreview {

    /** A made-up person with every field the merge fields read, so a preview shows each of them. */
    public static final Contact SAMPLE_CONTACT = new Contact(
            "sample", Instant.EPOCH, "Kari", "Nordmann", LocalDate.of(1990, 5, 17), "+4791234567",
            "kari.nordmann@example.org", null,
            List.of(new Membership("ordinary", MembershipStatus.ACTIVE, LocalDate.of(2019, 1, 1), null,
                    LocalDate.of(2026, 12, 31), null, null)),
            new DonorFacts(false, null, LocalDate.of(2020, 3, 1), LocalDate.of(2025, 11, 1), 25_000L, 125_000L, 6),
            List.of(), List.of(), List.of(), Map.of(), null, Map.of());

    /** The amount a sample preview shows for {@code amount} when the message has none of its own. */
    public static final long SAMPLE_AMOUNT_ORE = 25_000L;

    private final TemplateRenderer renderer;

    public TemplatePreview(TemplateRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Renders for {@link #SAMPLE_CONTACT} with a sample amount. */
    public RenderedMessage sample(MessageTemplate template, String organisationName, String journeyName,
                                  LocalDate today) {
        return forContact(template, SAMPLE_CONTACT,
                new MessageContext(organisationName, null, journeyName, SAMPLE_AMOUNT_ORE, today));
    }

    /** Renders for a real contact; any link in {@code context} is replaced by the placeholder. */
    public RenderedMessage forContact(MessageTemplate template, Contact contact, MessageContext context) {
        MessageContext withoutLink = new MessageContext(context.organisationName(), null, context.journeyName(),
                context.amountOre(), context.today());
        return renderer.render(template, MergeFields.of(contact, withoutLink));
    }
}
