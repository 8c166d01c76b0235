/**
 * Creates the template's tables, queues and buckets in the emulators
 * ({@link no.dialog.local.provision.LocalProvisioner}) and answers what each logical id now is
 * ({@link no.dialog.local.provision.LocalResources}): names, queue URLs, ARNs.
 */
package no.dialog.local.provision;
