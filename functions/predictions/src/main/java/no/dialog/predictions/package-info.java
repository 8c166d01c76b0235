/**
 * The predictions function: trains each organisation's models weekly from its own data and scores every contact
 * nightly (issue 16, ADR 0036). Training uses Tribuo; scoring uses core's {@code LinearModel}.
 */
package no.dialog.predictions;
