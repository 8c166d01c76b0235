package no.dialog.local.template;

/** The project's own template.yaml, read once per test JVM with {@code Stage=local}. */
final class RealTemplate {

    static final CloudFormationTemplate TEMPLATE =
            CloudFormationTemplate.load(TemplateFiles.findFromWorkingDirectory());

    private RealTemplate() {
    }

    static IntrinsicResolver localResolver() {
        return IntrinsicResolver.builder(TEMPLATE).parameter("Stage", "local").build();
    }
}
