/**
 * AWS emulators for the local stack and for tests: DynamoDB Local, ElasticMQ (SQS) and S3Proxy, all in
 * this JVM. Start with {@link no.dialog.emulators.Emulators}; tests use
 * {@link no.dialog.emulators.SharedEmulators}; code that builds its own clients uses
 * {@link no.dialog.emulators.LocalAwsClients} and {@link no.dialog.emulators.AwsLocal}.
 */
package no.dialog.emulators;
