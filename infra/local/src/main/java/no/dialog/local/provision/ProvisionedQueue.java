package no.dialog.local.provision;

/**
 * A queue as it exists in the SQS emulator.
 *
 * @param logicalId its logical id in the template
 * @param name      its name
 * @param url       its URL, as the emulator hands it out (with the emulator's real port)
 * @param arn       its ARN, as the emulator reports it
 */
public record ProvisionedQueue(String logicalId, String name, String url, String arn) {
}
