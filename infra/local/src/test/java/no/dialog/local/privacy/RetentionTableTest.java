package no.dialog.local.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.local.template.CloudFormationTemplate;
import no.dialog.local.template.TemplateFiles;
import no.dialog.local.template.TemplateResource;
import org.junit.jupiter.api.Test;

/**
 * docs/privacy.md is the retention table, and the template enforces it: every table and bucket has a row,
 * every table has a TTL or a stated reason under "Tables without a TTL", every bucket expires what it holds
 * under every prefix (and unfinished uploads, and keeps no old versions),
 * and every function's log group has a retention.
 */
class RetentionTableTest {

    private static final Path TEMPLATE_FILE = TemplateFiles.findFromWorkingDirectory();
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(TEMPLATE_FILE);

    private static String privacy() throws IOException {
        return Files.readString(TEMPLATE_FILE.getParent().resolve("docs/privacy.md"));
    }

    private static String section(String doc, String heading) {
        int start = doc.indexOf("## " + heading);
        assertThat(start).as("docs/privacy.md has a section '" + heading + "'").isNotNegative();
        int end = doc.indexOf("\n## ", start + 3);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    @Test
    void everyTableAndBucketHasARowInTheRetentionTable() throws IOException {
        String table = section(privacy(), "Retention table");
        List<String> missing = new ArrayList<>();
        for (TemplateResource store : TEMPLATE.resourcesOfType("AWS::DynamoDB::Table", "AWS::S3::Bucket")) {
            if (!table.contains("`" + store.logicalId() + "`")) {
                missing.add(store.logicalId());
            }
        }
        assertThat(missing).as("tables and buckets without a row in docs/privacy.md").isEmpty();
    }

    @Test
    void everyTableHasATimeToLiveOrAStatedReasonWhyNot() throws IOException {
        String without = section(privacy(), "Tables without a TTL");
        List<String> problems = new ArrayList<>();
        for (TemplateResource table : TEMPLATE.resourcesOfType("AWS::DynamoDB::Table")) {
            boolean ttl = table.properties().get("TimeToLiveSpecification") instanceof Map<?, ?> spec
                    && Boolean.TRUE.equals(spec.get("Enabled"));
            boolean reasoned = without.contains("- `" + table.logicalId() + "`:");
            if (!ttl && !reasoned) {
                problems.add(table.logicalId() + ": no TTL and no reason in docs/privacy.md");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBucketExpiresEverythingItHoldsUnderEveryPrefix() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource bucket : TEMPLATE.resourcesOfType("AWS::S3::Bucket")) {
            Object lifecycle = bucket.properties().get("LifecycleConfiguration");
            List<?> rules = lifecycle instanceof Map<?, ?> config && config.get("Rules") instanceof List<?> list
                    ? list : List.of();
            // A rule without a prefix or filter covers every key, so no prefix a new writer invents is missed.
            boolean expires = rules.stream().anyMatch(rule -> rule instanceof Map<?, ?> r
                    && "Enabled".equals(r.get("Status")) && r.get("ExpirationInDays") != null
                    && r.get("Prefix") == null && r.get("Filter") == null);
            boolean abortsUploads = rules.stream().anyMatch(rule -> rule instanceof Map<?, ?> r
                    && "Enabled".equals(r.get("Status")) && r.get("AbortIncompleteMultipartUpload") != null);
            if (!expires) {
                problems.add(bucket.logicalId() + " has no enabled expiration rule over the whole bucket");
            }
            if (!abortsUploads) {
                problems.add(bucket.logicalId() + " keeps the parts of unfinished uploads");
            }
            if (bucket.properties().get("VersioningConfiguration") != null) {
                problems.add(bucket.logicalId() + " is versioned: expired or erased objects would stay as old versions");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFunctionLogsToAGroupWithARetention() {
        List<String> groups = new ArrayList<>();
        for (TemplateResource group : TEMPLATE.resourcesOfType("AWS::Logs::LogGroup")) {
            if (group.properties().get("RetentionInDays") != null) {
                groups.add(String.valueOf(group.properties().get("LogGroupName")));
            }
        }
        List<String> missing = new ArrayList<>();
        for (TemplateResource function : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            if (groups.stream().noneMatch(name -> name.contains("${" + function.logicalId() + "}"))) {
                missing.add(function.logicalId());
            }
        }
        assertThat(missing).as("functions whose log group has no retention").isEmpty();
    }
}
