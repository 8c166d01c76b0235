package no.dialog.core.template;

import no.dialog.core.journey.SendChannel;

/**
 * A template rendered for one person: plain text for every channel; HTML for e-mail; the SMS part
 * count for SMS and chat (null for other channels).
 */
public record RenderedMessage(SendChannel channel, String subject, String text, String html, SmsParts smsParts) {}
