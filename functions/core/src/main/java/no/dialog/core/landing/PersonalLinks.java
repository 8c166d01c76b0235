package no.dialog.core.landing;

import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.tenant.Tenant;

/**
 * Port: the person's landing link for a send, put into {@code {{ link }}} when the message is rendered.
 * The same send request (idempotency key) always gets the same link.
 */
public interface PersonalLinks {

    /** No links minted: messages render the placeholder (used where landing pages are not configured). */
    PersonalLinks NONE = (tenant, request, language) -> null;

    /**
     * @param language the message's language, which the page speaks first ({@code nb} or {@code en})
     * @return the full link ({@code https://.../p/<token>}), or null when no link can be made
     */
    String mint(Tenant tenant, SendRequest request, String language);
}
