package no.dialog.local.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import no.dialog.local.template.CloudFormationTemplate;
import no.dialog.local.template.IntrinsicResolver;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.Test;

/** The template's KMS keys in the local KMS endpoint: created once, found again, and what Ref and GetAtt give. */
class KmsKeyProvisioningTest {

    @Test
    void theDataKeyIsCreatedOnceWithItsAliasAndFunctionsAreGivenItsRealId() {
        QuietLogging.warningsOnly();
        Emulators emulators = SharedEmulators.get();
        CloudFormationTemplate template = CloudFormationTemplate.load(TemplateFiles.findFromWorkingDirectory());
        // A stack name of its own: other tests share these emulators.
        IntrinsicResolver resolver = IntrinsicResolver.builder(template).parameter("Stage", "kmstest")
                .stackName("dialog-kms-test").build();
        StackSpec stack = StackSpec.read(template, resolver);
        LocalProvisioner provisioner = new LocalProvisioner(emulators.dynamoDb(), emulators.sqs(), emulators.s3(),
                emulators.secretsManager(), Map.of(), emulators.kms(), resolver.stackName());

        LocalResources first = provisioner.provision(stack);
        LocalResources second = provisioner.provision(stack);

        String keyId = first.ref("DataKey").orElseThrow();
        assertThat(second.ref("DataKey")).contains(keyId);
        assertThat(second.actions()).filteredOn(a -> a.logicalId().equals("DataKey"))
                .allMatch(a -> a.outcome() == ProvisioningAction.Outcome.UNCHANGED);
        var described = emulators.kms().describeKey(b -> b.keyId(keyId)).keyMetadata();
        assertThat(first.getAtt("DataKey", "Arn")).contains(described.arn());
        assertThat(emulators.kms().describeKey(b -> b.keyId("alias/dialog-kmstest-data")).keyMetadata().keyId())
                .isEqualTo(keyId);
        assertThat(resolver.withPhysicalIds(first).resolveString(Map.of("Ref", "DataKey"), "test")).isEqualTo(keyId);
    }
}
