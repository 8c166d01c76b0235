package no.dialog.providers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import no.dialog.core.send.ProviderUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP transport against GreenMail, an in-process SMTP server: what arrives, headers and both parts. */
class SmtpEmailGatewayTest {

    private GreenMail smtp;

    @BeforeEach
    void startServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    private SmtpEmailGateway gateway(String username, String password) {
        return new SmtpEmailGateway(SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(), username, password, false));
    }

    @Test
    void deliversAMultipartAlternativeMessageWithTheUnsubscribeHeadersAndTags() throws Exception {
        String messageId = gateway(null, null).send(SesEmailGatewayTest.message());

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(messageId).isNotBlank();
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Røde Kors");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("post@rodekors.no");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("kari.nordmann@example.no");
        assertThat(received.getReplyTo()).extracting(Object::toString).containsExactly("svar@rodekors.no");
        assertThat(received.getSubject()).isEqualTo("Takk, Kari!");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly(
                "<https://api.dialog.test/webhooks/unsubscribe/demo?token=ZGVtbzpNLTE6ZW1haWw.AAAAAAAAAAAAAAAAAAAAAA>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getHeader("X-Dialog-Tag")).containsExactly("dialog-key=ZGVtbzpFLTE6dGhhbmtzOjE",
                "dialog-tenant=demo");

        assertThat(received.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) text.getContent()).startsWith("Hei Kari").contains("Meld deg av: https://api.dialog.test/");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent()).contains("<a href=\"https://api.dialog.test/webhooks/unsubscribe/demo?token=");
    }

    @Test
    void aRefusedLoginIsUnavailableNotARejectionOfTheMessage() {
        smtp.setUser("dialog", "right-password");
        SmtpEmailGateway wrong = new SmtpEmailGateway(SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(),
                "dialog", "wrong-password", false));
        // GreenMail only checks logins when auth is required of every sender.
        smtp.getManagers().getUserManager().setAuthRequired(true);

        assertThatThrownBy(() -> wrong.send(SesEmailGatewayTest.message())).isInstanceOfSatisfying(
                ProviderUnavailable.class, e -> assertThat(e.possiblyAccepted()).isFalse());
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aLoginThatTheServerTakesSends() {
        smtp.setUser("dialog", "right-password");
        smtp.getManagers().getUserManager().setAuthRequired(true);

        gateway("dialog", "right-password").send(SesEmailGatewayTest.message());

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void anUnreachableServerIsUnavailableAndSurelyNotAccepted() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmtpEmailGateway nowhere = new SmtpEmailGateway(SmtpSettings.of("127.0.0.1", closed, null, null, false));

        assertThatThrownBy(() -> nowhere.send(SesEmailGatewayTest.message())).isInstanceOfSatisfying(
                ProviderUnavailable.class, e -> assertThat(e.possiblyAccepted()).isFalse())
                .hasMessageContaining("could not be reached");
    }
}
