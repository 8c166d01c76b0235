package no.dialog.core.payment;

/**
 * What a provider told about who paid: name, phone (E.164) and bank account, each possibly null.
 * Personal data: never logged, never in an exception message.
 */
public record Payer(String name, String phone, String account) {

    public static final Payer UNKNOWN = new Payer(null, null, null);
}
