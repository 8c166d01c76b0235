package no.dialog.core.contact;

import java.util.Locale;
import java.util.Optional;

/** The ways Dialog can reach a person; consent is recorded per channel. */
public enum Channel {
    SMS, EMAIL, PHONE, POST, CHAT, NEWSLETTER;

    /** The name used in JSON and in contact files: lower case ({@code sms}, {@code email} ...). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromJsonName(String name) {
        for (Channel channel : values()) {
            if (channel.jsonName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
