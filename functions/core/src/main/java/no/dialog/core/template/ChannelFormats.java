package no.dialog.core.template;

import no.dialog.core.journey.SendChannel;

/**
 * How each channel's text is shaped: HTML with a subject (e-mail) or plain text. A newsletter template's
 * body is the provider's list id ({@link NewsletterLists}), plain text.
 */
final class ChannelFormats {

    private ChannelFormats() {}

    /** E-mail: the body is HTML, merge values are HTML-escaped, a subject is required. */
    static boolean isHtml(SendChannel channel) {
        return channel == SendChannel.EMAIL;
    }

    /** SMS and chat are billed per SMS part, so previews and sends count parts. */
    static boolean countsSmsParts(SendChannel channel) {
        return channel == SendChannel.SMS || channel == SendChannel.CHAT;
    }
}
