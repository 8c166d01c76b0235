package no.dialog.sendemail;

import no.dialog.core.enrolment.ResultCounts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import no.dialog.aws.secrets.SecretKeys;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.landing.PersonalLinks;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.UnsubscribeTokens;
import no.dialog.core.send.email.EmailDelivery;
import no.dialog.core.send.email.EmailGateway;
import no.dialog.core.send.email.EmailMessage;
import no.dialog.core.send.email.UnsubscribeLinks;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.providers.email.SesEmailGateway;
import no.dialog.providers.email.SmtpEmailGateway;
import no.dialog.providers.email.SmtpSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Wires core's {@link OnceSender} with {@link EmailDelivery} to the DynamoDB adapters and the e-mail
 * transport, from the function's environment:
 * <ul>
 *   <li>{@code EMAIL_TRANSPORT}: {@code ses} (default) or {@code smtp};</li>
 *   <li>SES: {@code SES_CONFIGURATION_SET} (events), {@code SES_ENDPOINT} (empty: the region's SES; the
 *       local stack points it at its SES sandbox), {@code SES_TIMEOUT_MS} (default 10,000);</li>
 *   <li>SMTP: {@code SMTP_HOST}, {@code SMTP_PORT} (default 587), {@code SMTP_USERNAME},
 *       {@code SMTP_PASSWORD_SECRET_ARN} (the password in Secrets Manager), {@code SMTP_STARTTLS} (default
 *       true);</li>
 *   <li>{@code PUBLIC_BASE_URL} and {@code UNSUBSCRIBE_KEY_SECRET_ARN} (the key the webhooks function checks
 *       with) for the unsubscribe links.</li>
 * </ul>
 */
@Factory
public class SendEmailFactory {

    @Singleton
    EmailGateway emailGateway(@Value("${email.transport:ses}") String transport, SdkHttpClient http,
            @Value("${aws.region:}") String region,
            @Value("${aws.static-credentials.access-key-id:}") String accessKeyId,
            @Value("${aws.static-credentials.secret-access-key:}") String secretAccessKey,
            @Value("${ses.endpoint:}") String sesEndpoint, @Value("${ses.timeout.ms:10000}") long sesTimeoutMs,
            @Value("${smtp.host:}") String smtpHost, @Value("${smtp.port:587}") int smtpPort,
            @Value("${smtp.username:}") String smtpUsername,
            @Value("${smtp.password.secret.arn:}") String smtpPasswordArn, Optional<SecretValues> secrets,
            @Value("${smtp.starttls:true}") boolean smtpStartTls) {
        switch (transport.strip().toLowerCase(Locale.ROOT)) {
            case "ses":
                AwsCredentialsProvider credentials = accessKeyId.isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
                Region sesRegion = region.isBlank() ? DefaultAwsRegionProviderChain.builder().build().getRegion()
                        : Region.of(region);
                return new SesEmailGateway(SesEmailGateway.client(http, sesRegion, credentials,
                        sesEndpoint.isBlank() ? null : URI.create(sesEndpoint), Duration.ofMillis(sesTimeoutMs)));
            case "smtp":
                if (smtpPasswordArn.isBlank() || secrets.isEmpty()) {
                    return new SmtpEmailGateway(SmtpSettings.of(smtpHost, smtpPort, smtpUsername, "", smtpStartTls));
                }
                // A gateway with the current password, made again when the secret gets a new value.
                Supplier<EmailGateway> current = secrets.get().derived(smtpPasswordArn, password ->
                        new SmtpEmailGateway(SmtpSettings.of(smtpHost, smtpPort, smtpUsername, password, smtpStartTls)));
                return email -> current.get().send(email);
            default:
                throw new IllegalArgumentException("EMAIL_TRANSPORT must be ses or smtp");
        }
    }

    @Singleton
    UnsubscribeLinks unsubscribeLinks(@Value("${public.base.url}") String publicBaseUrl, SecretValues secrets,
            @Value("${unsubscribe.key.secret.arn}") String arn) {
        return new UnsubscribeLinks(publicBaseUrl,
                new UnsubscribeTokens(secrets.derived(arn, value -> SecretKeys.bytes(value, 32))));
    }

    @Singleton
    OnceSender<EmailMessage> emailSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
            SendLedger ledger, SendRules rules, EmailGateway gateway, UnsubscribeLinks links, SqsSendQueues queues,
            ResponsePublisher responses, Clock clock, @Value("${ses.configuration.set:}") String configurationSet,
            @Value("${email.transport:ses}") String transport, PersonalLinks personalLinks, ResultCounts results) {
        // SMTP has no configuration sets; only SES gets one.
        String set = "ses".equalsIgnoreCase(transport.strip()) ? configurationSet : null;
        return new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(), ledger, rules,
                new EmailDelivery(gateway, links, set), queues, responses, clock, personalLinks)
                .withResults(results);
    }
}
