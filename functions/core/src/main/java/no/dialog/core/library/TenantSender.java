package no.dialog.core.library;

import no.dialog.core.run.LetterItems;
import no.dialog.core.send.SenderNames;
import no.dialog.core.send.email.EmailDelivery;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.tenant.Tenant;

/**
 * Who a tenant's messages come from, as its settings say: the name its texts sign with, the SMS sender
 * operators show, and the e-mail sender. A journey made from the library signs its texts with {@code name}.
 *
 * @param name        {@code branding.senderName} (the name on the organisation's pages), else the tenant's name
 * @param smsSender   the tenant's {@value SenderNames#SETTING}, else the one made from its name; null when
 *                    neither gives a valid sender (then only a deployment-wide sender can send)
 * @param emailFrom   {@code email.from}; null when not set (e-mail steps cannot send until it is)
 * @param emailFromName {@code email.fromName}, else {@code name}
 * @param giroAccount {@value LetterItems#GIRO_ACCOUNT_SETTING}: the account a letter's giro pays into; null when
 *                    not set (a letter whose text uses {@code kid} cannot be made until it is)
 */
public record TenantSender(String name, String smsSender, String emailFrom, String emailFromName, String giroAccount) {

    /** Without a giro account: for callers that send no letters. */
    public TenantSender(String name, String smsSender, String emailFrom, String emailFromName) {
        this(name, smsSender, emailFrom, emailFromName, null);
    }

    public static TenantSender of(Tenant tenant) {
        String name = tenant.setting(TenantSettings.BRANDING_DISPLAY_NAME).map(String::strip)
                .orElse(tenant.name() == null ? tenant.id().value() : tenant.name());
        String sms = SenderNames.choose(null, tenant).orElse(null);
        String from = tenant.setting(EmailDelivery.FROM).map(String::strip).orElse(null);
        String fromName = tenant.setting(EmailDelivery.FROM_NAME).map(String::strip).orElse(name);
        String giro = tenant.setting(LetterItems.GIRO_ACCOUNT_SETTING).map(String::strip).orElse(null);
        return new TenantSender(name, sms, from, fromName, giro);
    }

}
