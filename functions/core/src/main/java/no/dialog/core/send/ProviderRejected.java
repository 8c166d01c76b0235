package no.dialog.core.send;

/**
 * The provider refused the message and would refuse it again (an invalid number, text it does not
 * accept). The reason is recorded in the ledger; it names codes and fields, never the number or text.
 */
public class ProviderRejected extends RuntimeException {

    public ProviderRejected(String reason) {
        super(reason);
    }
}
