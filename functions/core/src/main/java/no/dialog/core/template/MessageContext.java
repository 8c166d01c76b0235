package no.dialog.core.template;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a message knows besides the person: who sends it, the person's landing link, the journey, an
 * amount the message is about, and the day it is rendered (Europe/Oslo).
 *
 * @param organisationName the sender as people know it, e.g. {@code Naturvernforbundet}
 * @param link             the person's landing link, or null before it is minted (previews): a
 *                         placeholder of {@link LandingLinks#LENGTH} characters is used then
 * @param journeyName      the journey's name, or null
 * @param amountOre        an amount this message asks for or thanks for, in øre, or null
 * @param today            the date of rendering, used to choose the active membership and for {@code today}
 */
public record MessageContext(String organisationName, String link, String journeyName, Long amountOre,
                             LocalDate today) {

    public MessageContext {
        Objects.requireNonNull(today, "today");
    }
}
