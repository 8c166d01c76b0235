package no.dialog.local.provision;

/**
 * The local stack could not create a resource, or found one that contradicts the template (for example a
 * table kept from an earlier run whose key differs). The message says what to do about it.
 */
public class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
