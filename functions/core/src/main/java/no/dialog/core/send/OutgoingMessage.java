package no.dialog.core.send;

import java.util.Objects;
import no.dialog.core.contact.Contact;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.tenant.Tenant;

/**
 * One message, ready for its {@link ChannelDelivery}: who it is for, what was asked, and the template
 * rendered for this person.
 *
 * @param tenant   the organisation sending it (name, settings)
 * @param contact  the person, as Dialog knows them now; the sender has checked they may get it
 * @param request  the send request from the queue; {@link SendRequest#idempotencyKey()} is the key every
 *                 provider that supports one gets (LINK {@code refId}, an SES message tag, a file line id)
 * @param template the template, for channel-specific parts (an e-mail's subject)
 * @param rendered the template rendered for the person
 */
public record OutgoingMessage(Tenant tenant, Contact contact, SendRequest request, MessageTemplate template,
                              RenderedMessage rendered) {

    public OutgoingMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(rendered, "rendered");
    }

    public String idempotencyKey() {
        return request.idempotencyKey();
    }
}
