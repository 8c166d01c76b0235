package no.dialog.core.contact;

/**
 * A postal address. For Norway ({@code country} "NO") the postcode has four digits.
 *
 * @param street  street and number, possibly several lines joined by a newline
 * @param postcode postcode (four digits in Norway)
 * @param city    post town
 * @param country ISO 3166-1 alpha-2 code
 */
public record PostalAddress(String street, String postcode, String city, String country) {}
