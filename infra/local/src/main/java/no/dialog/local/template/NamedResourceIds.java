package no.dialog.local.template;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link PhysicalIds} answered from resource names: {@code Ref} is the name (the URL for queues, {@code local}
 * for HTTP APIs) and {@code Fn::GetAtt ...Arn} the ARN built from it. Queue URLs and table stream ARNs are
 * only known once those exist, so they come from maps that the provisioner fills; before provisioning
 * they are empty.
 */
public final class NamedResourceIds implements PhysicalIds {

    private final Function<String, Optional<NamedResource>> names;
    private final Map<String, String> queueUrls;
    private final Map<String, String> streamArns;

    /**
     * @param names      physical name and ARN by logical id
     * @param queueUrls  queue URL by logical id
     * @param streamArns table stream ARN by logical id
     */
    public NamedResourceIds(
            Function<String, Optional<NamedResource>> names, Map<String, String> queueUrls,
            Map<String, String> streamArns) {
        this.names = names;
        this.queueUrls = Map.copyOf(queueUrls);
        this.streamArns = Map.copyOf(streamArns);
    }

    /** Planned from the template alone: no queue URLs, no stream ARNs. */
    NamedResourceIds(ResourceNamer namer) {
        this(namer::named, Map.of(), Map.of());
    }

    @Override
    public Optional<String> ref(String logicalId) {
        return names.apply(logicalId).flatMap(resource -> switch (resource.type()) {
            case ResourceTypes.QUEUE -> Optional.ofNullable(queueUrls.get(logicalId));
            // A secret's Ref is its ARN (and Fn::GetAtt Id the same).
            case ResourceTypes.SECRET -> Optional.of(resource.arn());
            default -> Optional.of(resource.physicalName());
        });
    }

    @Override
    public Optional<String> getAtt(String logicalId, String attribute) {
        return names.apply(logicalId).flatMap(resource -> attribute(resource, attribute));
    }

    private Optional<String> attribute(NamedResource resource, String attribute) {
        String name = resource.physicalName();
        return switch (resource.type() + "." + attribute) {
            case ResourceTypes.QUEUE + ".QueueName", ResourceTypes.EVENT_BUS + ".Name" -> Optional.of(name);
            case ResourceTypes.QUEUE + ".QueueUrl" -> Optional.ofNullable(queueUrls.get(resource.logicalId()));
            case ResourceTypes.TABLE + ".StreamArn" -> Optional.ofNullable(streamArns.get(resource.logicalId()));
            case ResourceTypes.BUCKET + ".DomainName" -> Optional.of(name + ".s3." + PseudoParameters.URL_SUFFIX);
            case ResourceTypes.BUCKET + ".RegionalDomainName" ->
                    Optional.of(name + ".s3." + PseudoParameters.REGION + "." + PseudoParameters.URL_SUFFIX);
            case ResourceTypes.SERVERLESS_HTTP_API + ".ApiId", ResourceTypes.HTTP_API + ".ApiId" -> Optional.of(name);
            case ResourceTypes.SECRET + ".Id" -> Optional.of(resource.arn());
            case ResourceTypes.KMS_KEY + ".KeyId" -> Optional.of(name);
            case ResourceTypes.USER_POOL + ".UserPoolId", ResourceTypes.USER_POOL_CLIENT + ".ClientId",
                 ResourceTypes.USER_POOL_CLIENT + ".Name" -> Optional.of(name);
            case ResourceTypes.USER_POOL + ".ProviderName" -> Optional.of("cognito-idp." + PseudoParameters.REGION
                    + "." + PseudoParameters.URL_SUFFIX + "/" + name);
            case ResourceTypes.USER_POOL + ".ProviderURL" -> Optional.of("https://cognito-idp." + PseudoParameters.REGION
                    + "." + PseudoParameters.URL_SUFFIX + "/" + name);
            default -> attribute.equals("Arn") ? Optional.of(resource.arn()) : Optional.empty();
        };
    }
}
