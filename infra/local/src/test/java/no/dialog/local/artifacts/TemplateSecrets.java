package no.dialog.local.artifacts;

import java.net.URI;
import no.dialog.emulators.LocalAwsClients;
import no.dialog.emulators.SecretsManagerServer;
import no.dialog.local.provision.SecretProvisioner;
import no.dialog.local.sandbox.LocalDevSecrets;
import no.dialog.local.template.CloudFormationTemplate;
import no.dialog.local.template.IntrinsicResolver;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.TemplateFiles;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Secrets Manager endpoint holding the project template's secrets (Stage {@code local}), as the deployed stack
 * holds them before its functions start; the functions find them by the planned ARNs in their environments (the
 * endpoint, like AWS, accepts an ARN without its random suffix).
 */
final class TemplateSecrets implements AutoCloseable {

    private final SecretsManagerServer server;

    private TemplateSecrets(SecretsManagerServer server) {
        this.server = server;
    }

    static TemplateSecrets start() {
        SecretsManagerServer server = SecretsManagerServer.start(null, 0);
        CloudFormationTemplate template = CloudFormationTemplate.load(TemplateFiles.findFromWorkingDirectory());
        StackSpec stack = StackSpec.read(template, IntrinsicResolver.builder(template).parameter("Stage", "local")
                .build());
        try (SecretsManagerClient client = LocalAwsClients.secretsManager(server.endpoint())) {
            new SecretProvisioner(client, LocalDevSecrets.values()).provision(stack.secrets());
        }
        return new TemplateSecrets(server);
    }

    URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }
}
