package no.dialog.providers.email;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Properties;
import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.email.EmailGateway;
import no.dialog.core.send.email.EmailMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * {@link EmailGateway} on plain SMTP (Jakarta Mail, Angus implementation), for organisations that send
 * through their own mail server instead of SES.
 *
 * <p>The message is {@code multipart/alternative} (text, then HTML, both UTF-8) with {@code From} (display
 * name MIME-encoded), {@code To}, {@code Reply-To}, the message's own headers ({@code List-Unsubscribe}
 * ...) and its tags as {@code X-Dialog-Tag: name=value} headers (SMTP has no tags; a mail server's bounce
 * keeps them). The provider id is the {@code Message-ID}. There is no configuration set: opens, clicks
 * and bounces are not reported through this transport.
 *
 * <p>How failures map: a recipient or message refused with an SMTP 5xx reply → {@link ProviderRejected};
 * a 4xx reply (greylisting, a full queue), a refused login, or no connection →
 * {@link ProviderUnavailable}, surely not accepted; a timeout or a broken connection once the message
 * was being handed over → possibly accepted. One connection per message; thread-safe.
 */
public final class SmtpEmailGateway implements EmailGateway {

    static final String TAG_HEADER = "X-Dialog-Tag";

    private final SmtpSettings settings;
    private final Session session;

    public SmtpEmailGateway(SmtpSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        Authenticator login = settings.authenticates() ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        } : null;
        this.session = Session.getInstance(properties, login);
    }

    @Override
    public String send(EmailMessage message) {
        MimeMessage mime;
        try {
            mime = mime(message);
        } catch (MessagingException e) {
            throw new ProviderRejected("the e-mail could not be built as MIME (" + e.getClass().getSimpleName() + ")");
        }
        try {
            Transport.send(mime);
            return mime.getMessageID();
        } catch (MessagingException e) {
            throw mapped(e);
        }
    }

    /** The MIME message for this e-mail (its {@code Message-ID} is set when it is sent). */
    MimeMessage mime(EmailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(Mailboxes.address(message.from(), message.fromName()));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to(), true));
        if (message.replyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {new InternetAddress(message.replyTo(), true)});
        }
        mime.setSubject(message.subject(), "UTF-8");
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.addHeader(header.getKey(), header.getValue());
        }
        for (Map.Entry<String, String> tag : message.tags().entrySet()) {
            mime.addHeader(TAG_HEADER, tag.getKey() + "=" + tag.getValue());
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        // Least preferred first (RFC 2046): clients show the HTML and fall back to the text.
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    private RuntimeException mapped(MessagingException e) {
        Integer reply = replyCode(e);
        if (reply != null) {
            String what = "SMTP " + reply;
            if (reply == 530 || reply == 534 || reply == 535 || reply == 538) {
                // Authentication required or refused: our configuration, not the message.
                return new ProviderUnavailable("the mail server wants another login (" + what + ")", false, e);
            }
            if (reply >= 500) {
                return new ProviderRejected("the mail server refused the message (" + what + ")");
            }
            return new ProviderUnavailable("the mail server did not take the message now (" + what + ")", false, e);
        }
        if (e instanceof jakarta.mail.AuthenticationFailedException) {
            return new ProviderUnavailable("the mail server refused our login", false, e);
        }
        if (e instanceof SendFailedException) {
            return new ProviderRejected("the mail server refused the recipient");
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("connect")) {
                return new ProviderUnavailable("the mail server " + settings.host() + " could not be reached ("
                        + cause.getClass().getSimpleName() + ")", false, e);
            }
            if (cause instanceof IOException) {
                return new ProviderUnavailable("the connection to the mail server broke while sending ("
                        + cause.getClass().getSimpleName() + "); it may have accepted the message", true, e);
            }
        }
        return new ProviderUnavailable("sending through the mail server failed (" + e.getClass().getSimpleName() + ")",
                false, e);
    }

    /** The SMTP reply code of a refusal, if the server gave one. */
    private static Integer replyCode(MessagingException e) {
        for (Exception next = e; next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (next instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return null;
    }
}
