/**
 * Reads {@code template.yaml}, the single source of truth of what the system is made of, into the shapes
 * the local stack needs.
 *
 * <p>The flow, in three steps, because a queue's URL exists only once the queue does:
 * <ol>
 *   <li>{@link no.dialog.local.template.CloudFormationTemplate#load} parses the file (short-form tags become
 *       long form, SAM {@code Globals} are applied);</li>
 *   <li>{@link no.dialog.local.template.StackSpec#read} reads tables, queues, buckets, buses, rules and APIs
 *       with an {@link no.dialog.local.template.IntrinsicResolver} that knows the parameters
 *       ({@code Stage=local}); the provisioner ({@code no.dialog.local.provision}) creates them;</li>
 *   <li>{@link no.dialog.local.template.FunctionSpecs#read} reads the functions with the resolver
 *       {@code withPhysicalIds(localResources)}, so environments get real queue URLs.</li>
 * </ol>
 * {@link no.dialog.local.template.TemplateCoherence} checks that the template hangs together.
 */
package no.dialog.local.template;
