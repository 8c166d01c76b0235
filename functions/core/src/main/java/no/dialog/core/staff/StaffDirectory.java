package no.dialog.core.staff;

import no.dialog.core.tenant.TenantId;

/**
 * Port: the people who may sign in to the admin UI, and their roles per organisation (Cognito's user pool in
 * AWS, docs/adr/0023).
 */
public interface StaffDirectory {

    /**
     * Makes sure the person with this e-mail address can sign in with the role in the organisation: creates
     * the user (the provider sends the invitation) unless they exist, and adds the role. Calling it again
     * changes nothing.
     *
     * @return whether a new user was created (false: an existing user got the role)
     * @throws StaffDirectoryUnavailable when the provider cannot be reached or refuses
     */
    boolean invite(TenantId tenant, String email, StaffRole role);

    /** The directory could not do what was asked; the message names no person. */
    final class StaffDirectoryUnavailable extends RuntimeException {
        public StaffDirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
