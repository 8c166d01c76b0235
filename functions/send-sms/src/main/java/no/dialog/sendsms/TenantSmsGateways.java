package no.dialog.sendsms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import no.dialog.core.send.DeliveryOutcome;
import no.dialog.core.send.ProviderUnavailable;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;
import no.dialog.core.tenant.CredentialFingerprint;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.ProviderCredentials;
import no.dialog.core.tenant.TenantId;

/**
 * Each message through its organisation's own LINK account when it has one ({@link ProviderCredentials}, provider
 * {@code link}), else through the deployment's. A batch is split by account, each part sent in one call, and the
 * outcomes put back in the batch's order; an account that is down fails only its own part.
 */
final class TenantSmsGateways implements SmsGateway {

    private final SmsGateway deployment;
    private final ProviderCredentials credentials;
    private final Function<Map<String, String>, SmsGateway> gatewayOf;
    /** A tenant's gateway, kept while its credentials' fingerprint stays the same. */
    private final Map<TenantId, Own> own = new ConcurrentHashMap<>();

    private record Own(String fingerprint, SmsGateway gateway) {
    }

    /**
     * @param deployment  the deployment's account
     * @param credentials where tenants' own accounts are (read through its cache on every batch)
     * @param gatewayOf   a gateway for a tenant's credential fields ({@code username}, {@code password}, ...)
     */
    TenantSmsGateways(SmsGateway deployment, ProviderCredentials credentials,
            Function<Map<String, String>, SmsGateway> gatewayOf) {
        this.deployment = deployment;
        this.credentials = credentials;
        this.gatewayOf = gatewayOf;
    }

    @Override
    public SmsReceipt send(SmsMessage message) {
        return gatewayFor(message.tenant()).send(message);
    }

    @Override
    public List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
        Map<SmsGateway, List<Integer>> parts = new LinkedHashMap<>();
        Map<TenantId, SmsGateway> chosen = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            TenantId tenant = messages.get(i).tenant();
            SmsGateway gateway = tenant == null ? deployment : chosen.computeIfAbsent(tenant, this::gatewayFor);
            parts.computeIfAbsent(gateway, g -> new ArrayList<>()).add(i);
        }
        if (parts.size() == 1) {
            return parts.keySet().iterator().next().sendBatch(messages);
        }
        DeliveryOutcome[] outcomes = new DeliveryOutcome[messages.size()];
        parts.forEach((gateway, indexes) -> {
            List<SmsMessage> part = indexes.stream().map(messages::get).toList();
            List<DeliveryOutcome> answered;
            try {
                answered = gateway.sendBatch(part);
            } catch (ProviderUnavailable e) {
                DeliveryOutcome down = new DeliveryOutcome.Unavailable(e.getMessage(), e.possiblyAccepted());
                answered = part.stream().map(m -> down).toList();
            }
            for (int i = 0; i < indexes.size(); i++) {
                outcomes[indexes.get(i)] = answered.get(i);
            }
        });
        return Arrays.asList(outcomes);
    }

    private SmsGateway gatewayFor(TenantId tenant) {
        if (tenant == null) {
            return deployment;
        }
        Optional<Map<String, String>> fields = credentials.find(tenant, CredentialProvider.LINK);
        if (fields.isEmpty()) {
            own.remove(tenant);
            return deployment;
        }
        String fingerprint = CredentialFingerprint.of(fields.get());
        Own known = own.get(tenant);
        if (known == null || !known.fingerprint().equals(fingerprint)) {
            known = new Own(fingerprint, gatewayOf.apply(fields.get()));
            own.put(tenant, known);
        }
        return known.gateway();
    }
}
