package no.dialog.core.journey;

import java.util.Locale;
import java.util.Optional;
import no.dialog.core.contact.Channel;

/**
 * The channels a send step can use. Each maps to the consent channel that governs it (a print file and
 * a letter both need the person's postal address and are governed by addressed-post rules).
 */
public enum SendChannel {
    SMS(Channel.SMS), CHAT(Channel.CHAT), EMAIL(Channel.EMAIL), NEWSLETTER(Channel.NEWSLETTER),
    LETTER(Channel.POST), PRINT(Channel.POST), TELEMARKETING(Channel.PHONE);

    private final Channel consentChannel;

    SendChannel(Channel consentChannel) {
        this.consentChannel = consentChannel;
    }

    public Channel consentChannel() {
        return consentChannel;
    }

    /** The name used in JSON definitions and queue names: lower case ({@code sms}, {@code letter} ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SendChannel> fromJsonName(String name) {
        for (SendChannel channel : values()) {
            if (channel.jsonName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
