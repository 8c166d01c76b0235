package no.dialog.sendsms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.send.DeliveryOutcome;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.InMemoryProviderCredentials;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Which LINK account each message goes through, with gateways that record their calls. */
class TenantSmsGatewaysTest {

    private static final TenantId OWN = TenantId.of("own");
    private static final TenantId SHARED = TenantId.of("shared");

    private final InMemoryProviderCredentials credentials = new InMemoryProviderCredentials(
            Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
    private final Recording deployment = new Recording("deployment", false);
    private final List<Recording> made = new ArrayList<>();
    private final TenantSmsGateways gateways = new TenantSmsGateways(deployment, credentials, fields -> {
        Recording gateway = new Recording(fields.get("username") + "/" + fields.get("password"), false);
        made.add(gateway);
        return gateway;
    });

    private static SmsMessage sms(TenantId tenant, int n) {
        return new SmsMessage("Dialog", "+4791234567", "Hei " + n, tenant.value() + ":E-" + n + ":ask:1", tenant);
    }

    @Test
    void aTenantWithItsOwnAccountSendsThroughItAndOthersThroughTheDeployments() {
        credentials.put(OWN, CredentialProvider.LINK, Map.of("username", "org", "password", "one"), Optional.empty());

        List<DeliveryOutcome> outcomes = gateways.sendBatch(List.of(sms(SHARED, 1), sms(OWN, 2), sms(SHARED, 3)));

        assertThat(deployment.refIds).containsExactly("shared:E-1:ask:1", "shared:E-3:ask:1");
        assertThat(made).singleElement().satisfies(own -> {
            assertThat(own.account).isEqualTo("org/one");
            assertThat(own.refIds).containsExactly("own:E-2:ask:1");
        });
        assertThat(outcomes).extracting(o -> ((DeliveryOutcome.Accepted) o).receipt().providerMessageId())
                .containsExactly("deployment-shared:E-1:ask:1", "org/one-own:E-2:ask:1", "deployment-shared:E-3:ask:1");
        assertThat(gateways.send(sms(OWN, 4)).providerMessageId()).isEqualTo("org/one-own:E-4:ask:1");
    }

    @Test
    void newCredentialsMakeANewGatewayAndTheSameOnesDoNot() {
        var first = credentials.put(OWN, CredentialProvider.LINK, Map.of("username", "org", "password", "one"),
                Optional.empty());
        gateways.send(sms(OWN, 1));
        gateways.send(sms(OWN, 2));
        credentials.put(OWN, CredentialProvider.LINK, Map.of("username", "org", "password", "two"),
                Optional.of(first.revision()));

        gateways.send(sms(OWN, 3));

        assertThat(made).extracting(g -> g.account).containsExactly("org/one", "org/two");
    }

    @Test
    void anAccountThatIsDownFailsOnlyItsOwnMessages() {
        credentials.put(OWN, CredentialProvider.LINK, Map.of("username", "org", "password", "one"), Optional.empty());
        TenantSmsGateways withDownOwn = new TenantSmsGateways(deployment, credentials,
                fields -> new Recording("down", true));

        List<DeliveryOutcome> outcomes = withDownOwn.sendBatch(List.of(sms(OWN, 1), sms(SHARED, 2)));

        assertThat(outcomes.get(0)).isInstanceOf(DeliveryOutcome.Unavailable.class);
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Accepted.class);
    }

    /** A gateway that accepts everything (or is down), answering ids made of its account and the refId. */
    private static final class Recording implements SmsGateway {
        final String account;
        final boolean down;
        final List<String> refIds = new ArrayList<>();

        Recording(String account, boolean down) {
            this.account = account;
            this.down = down;
        }

        @Override
        public SmsReceipt send(SmsMessage message) {
            if (down) {
                throw new ProviderUnavailable("LINK is down", false);
            }
            refIds.add(message.refId());
            return new SmsReceipt(account + "-" + message.refId(), 1);
        }

        @Override
        public List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
            if (down) {
                throw new ProviderUnavailable("LINK is down", false);
            }
            return messages.stream().map(m -> DeliveryOutcome.accepted(send(m).providerMessageId(), 1)).toList();
        }
    }
}
