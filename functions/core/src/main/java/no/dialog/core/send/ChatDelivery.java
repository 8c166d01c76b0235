package no.dialog.core.send;

import java.util.Objects;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;

/**
 * Chat through a {@link ChatGateway}: the sender is the configured one or the organisation's name made
 * into an alphanumeric sender ({@link SenderNames}, as for SMS), the recipient the contact's mobile, the
 * text the rendered template (its parts counted as SMS parts by the sender), the idempotency key goes as
 * {@code refId}, and replies are asked for at {@code <publicBaseUrl>/webhooks/link-chat/<tenant>}, where
 * the webhooks function turns them into {@code replied} responses.
 */
public final class ChatDelivery implements ChannelDelivery<ChatMessage> {

    /** The path of the reply webhook under the public base URL; the tenant follows it. */
    public static final String REPLY_PATH = "/webhooks/link-chat/";

    private final ChatGateway gateway;
    private final String configuredSender;
    private final String publicBaseUrl;

    /**
     * @param configuredSender the sender every message shows (alphanumeric or a number), or null/blank to
     *                         use the organisation's name
     * @param publicBaseUrl    where Dialog's HTTP API is reached from the internet, e.g.
     *                         {@code https://api.dialog.example}
     * @throws IllegalArgumentException if the configured sender or the base URL is not valid
     */
    public ChatDelivery(ChatGateway gateway, String configuredSender, String publicBaseUrl) {
        this.gateway = Objects.requireNonNull(gateway);
        if (configuredSender != null && !configuredSender.isBlank() && !ChatMessage.isValidSender(configuredSender)) {
            throw new IllegalArgumentException("the configured chat sender must be 2-11 letters or digits starting"
                    + " with a letter, or a number");
        }
        if (publicBaseUrl == null || !(publicBaseUrl.startsWith("https://") || publicBaseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("the public base URL must be an http(s) URL (PUBLIC_BASE_URL)");
        }
        this.configuredSender = configuredSender == null || configuredSender.isBlank() ? null : configuredSender;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Override
    public SendChannel channel() {
        return SendChannel.CHAT;
    }

    @Override
    public ChatMessage prepare(OutgoingMessage message) {
        String own = message.tenant().setting(SenderNames.SETTING).map(String::strip)
                .filter(SmsMessage::isValidSender).orElse(null);
        String sender = own != null ? own : configuredSender != null ? configuredSender
                : SenderNames.fromOrganisationName(message.tenant().name()).orElseThrow(() -> new PermanentFailure(
                        "the organisation's name gives no valid chat sender (2-11 letters or digits, starting with a"
                                + " letter); configure one (LINK_CHAT_SENDER)"));
        return new ChatMessage(sender, message.contact().phone(), message.rendered().text(), message.idempotencyKey(),
                publicBaseUrl + REPLY_PATH + message.tenant().id().value());
    }

    @Override
    public DeliveryReceipt deliver(ChatMessage message) {
        // Parts are left to the sender, which counts the rendered text as SMS parts for chat.
        return new DeliveryReceipt(gateway.send(message).providerMessageId(), null);
    }
}
