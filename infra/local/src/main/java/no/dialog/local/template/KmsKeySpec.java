package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::KMS::Key} (symmetric, as Dialog uses them) and the {@code AWS::KMS::Alias}es that point at it
 * ({@code TargetKeyId: !Ref <key>}).
 *
 * @param logicalId   the key's logical id
 * @param description its {@code Description}
 * @param aliases     alias names ({@code alias/...})
 */
public record KmsKeySpec(String logicalId, String description, List<String> aliases) {

    public KmsKeySpec {
        aliases = List.copyOf(aliases);
    }

    static KmsKeySpec read(TemplateResource key, CloudFormationTemplate template, IntrinsicResolver resolver) {
        PropertyReader properties = PropertyReader.of(key, resolver);
        List<String> aliases = new ArrayList<>();
        for (TemplateResource alias : template.resourcesOfType("AWS::KMS::Alias")) {
            if (resolver.isIncluded(alias) && alias.properties().get("TargetKeyId") instanceof Map<?, ?> target
                    && key.logicalId().equals(target.get("Ref"))) {
                aliases.add(resolver.resolveString(alias.properties().get("AliasName"),
                        alias.propertiesPath() + ".AliasName"));
            }
        }
        return new KmsKeySpec(key.logicalId(), properties.string("Description").orElse(""), aliases);
    }
}
