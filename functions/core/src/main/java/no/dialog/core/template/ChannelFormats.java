package no.dialog.core.template;

import no.dialog.core.journey.SendChannel;

/** How each channel's text is shaped: HTML with a subject (e-mail, newsletter) or plain text. */
final class ChannelFormats {

    private ChannelFormats() {}

    /** E-mail and newsletter: the body is HTML, merge values are HTML-escaped, a subject is required. */
    static boolean isHtml(SendChannel channel) {
        return channel == SendChannel.EMAIL || channel == SendChannel.NEWSLETTER;
    }

    /** SMS and chat are billed per SMS part, so previews and sends count parts. */
    static boolean countsSmsParts(SendChannel channel) {
        return channel == SendChannel.SMS || channel == SendChannel.CHAT;
    }
}
