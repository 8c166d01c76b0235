package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads the project's own template.yaml with Stage=local and checks what the local stack will get. */
class RealTemplateSpecsTest {

    private final IntrinsicResolver resolver = RealTemplate.localResolver();
    private final StackSpec stack = StackSpec.read(RealTemplate.TEMPLATE, resolver);

    @Test
    void contactsTableHasItsNameKeysIndexAndTtl() {
        TableSpec contacts = stack.table("ContactsTable").orElseThrow();
        assertThat(contacts.tableName()).isEqualTo("dialog-contacts-local");
        assertThat(contacts.keySchema()).containsExactly(new TableSpec.KeyElement("pk", "HASH"));
        assertThat(contacts.attributeDefinitions()).contains(new TableSpec.AttributeDefinition("shard", "S"));
        TableSpec.IndexSpec index = contacts.globalSecondaryIndex("byTenantShard").orElseThrow();
        assertThat(index.keySchema()).containsExactly(
                new TableSpec.KeyElement("shard", "HASH"), new TableSpec.KeyElement("contactId", "RANGE"));
        assertThat(index.projectionType()).isEqualTo("KEYS_ONLY");
        TableSpec.IndexSpec byPhone = contacts.globalSecondaryIndex("byPhone").orElseThrow();
        assertThat(byPhone.keySchema()).containsExactly(new TableSpec.KeyElement("phoneKey", "HASH"));
        assertThat(byPhone.projectionType()).isEqualTo("KEYS_ONLY");
        assertThat(contacts.attributeDefinitions()).contains(new TableSpec.AttributeDefinition("phoneKey", "S"));
        assertThat(contacts.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(stack.table("TenantsTable").orElseThrow().ttlAttribute()).isNull();
    }

    @Test
    void importsQueueRedrivesToItsDeadLetterQueue() {
        QueueSpec imports = stack.queue("ImportsQueue").orElseThrow();
        assertThat(imports.queueName()).isEqualTo("dialog-imports-local");
        assertThat(imports.visibilityTimeout()).isEqualTo(1800);
        assertThat(imports.messageRetentionPeriod()).isEqualTo(1_209_600);
        assertThat(imports.delaySeconds()).isZero();
        assertThat(imports.fifo()).isFalse();
        assertThat(imports.redrive()).isEqualTo(new QueueSpec.Redrive("ImportsDLQ", 5));
        QueueSpec deadLetters = stack.queue("ImportsDLQ").orElseThrow();
        assertThat(deadLetters.redrive()).isNull();
        assertThat(deadLetters.visibilityTimeout()).as("AWS default").isEqualTo(30);
    }

    @Test
    void importsBucketNotifiesTheImportsQueueOfContactFilesAndTheOcrQueueOfOcrFiles() {
        BucketSpec bucket = stack.bucket("ImportsBucket").orElseThrow();
        assertThat(bucket.bucketName()).isEqualTo("dialog-imports-local-000000000000");
        assertThat(bucket.queueNotifications()).hasSize(2);
        BucketSpec.QueueNotification contacts = bucket.queueNotifications().get(0);
        assertThat(contacts.event()).isEqualTo("s3:ObjectCreated:*");
        assertThat(contacts.queueLogicalId()).isEqualTo("ImportsQueue");
        assertThat(contacts.filterRules()).containsExactly(new BucketSpec.FilterRule("suffix", ".ndjson"));
        assertThat(contacts.matches("ObjectCreated:Put", "demo/contacts/a.ndjson")).isTrue();
        assertThat(contacts.matches("s3:ObjectCreated:Put", "demo/contacts/a.csv")).isFalse();
        assertThat(contacts.matches("s3:ObjectRemoved:Delete", "demo/contacts/a.ndjson")).isFalse();
        assertThat(contacts.matches("ObjectCreated:Put", "ocr/demo/giro.ocr")).as("an OCR file is not a contact file")
                .isFalse();

        BucketSpec.QueueNotification ocr = bucket.queueNotifications().get(1);
        assertThat(ocr.queueLogicalId()).isEqualTo("OcrImportsQueue");
        assertThat(ocr.filterRules()).containsExactly(new BucketSpec.FilterRule("prefix", "ocr/"),
                new BucketSpec.FilterRule("suffix", ".ocr"));
        assertThat(ocr.matches("ObjectCreated:Put", "ocr/demo/giro-mod10.ocr")).isTrue();
        assertThat(ocr.matches("ObjectCreated:Put", "demo/contacts/a.ndjson")).isFalse();
        assertThat(ocr.matches("ObjectCreated:Put", "demo/ocr/giro.ocr")).as("the prefix rule").isFalse();
        assertThat(ocr.matches("ObjectCreated:Put", "reports/demo/ocr/giro.ocr.json")).isFalse();
        assertThat(stack.queue("OcrImportsQueue").orElseThrow().redrive())
                .isEqualTo(new QueueSpec.Redrive("OcrImportsDLQ", 5));
        assertThat(stack.bucket("ExportsBucket").orElseThrow().queueNotifications()).isEmpty();
    }

    @Test
    void ocrImportFunctionReadsItsQueueWithTheTablesItRegistersPaymentsIn() {
        FunctionSpec ocr = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "OcrImportFunction");
        assertThat(ocr.handlerClass()).isEqualTo("no.dialog.ocrimport.OcrImportHandler");
        assertThat(ocr.timeoutSeconds()).isEqualTo(900);
        assertThat(ocr.environment()).containsOnlyKeys("DIALOG_STAGE", "JAVA_TOOL_OPTIONS", "DIALOG_CONFIG_REVISION", "CONTACTS_TABLE",
                "TENANTS_TABLE", "PAYMENTS_TABLE", "RUN_FILES_TABLE", "RESPONSES_QUEUE_URL", "EVENT_BUS_NAME",
                "OCR_IMPORTS_DLQ_URL", "EXPORTS_BUCKET");
        assertThat(ocr.environment()).containsEntry("PAYMENTS_TABLE", "dialog-payments-local")
                .containsEntry("RUN_FILES_TABLE", "dialog-run-files-local")
                .containsEntry("OCR_IMPORTS_DLQ_URL", "http://queues.local/dialog-ocr-imports-dlq-local")
                .containsEntry("EXPORTS_BUCKET", "dialog-exports-local-000000000000");
        assertThat(ocr.eventsOfType(SqsEventSpec.class)).containsExactly(
                new SqsEventSpec("OcrFiles", "OcrImportsQueue", 1, 0, true, true, 10));
        assertThat(stack.queue("OcrImportsQueue").orElseThrow().visibilityTimeout()).as("six times the timeout")
                .isEqualTo(6 * 900);
    }

    @Test
    void contactEventsRuleListensOnTheDialogBus() {
        assertThat(stack.eventBuses()).containsExactly(new EventBusSpec("DialogBus", "dialog-local"));
        RuleSpec rule = stack.rule("ContactEventsRule").orElseThrow();
        assertThat(rule.eventBusName()).isEqualTo("dialog-local");
        assertThat(rule.eventBusLogicalId()).isEqualTo("DialogBus");
        assertThat(rule.eventPatternJson())
                .isEqualTo("{\"source\":[\"org.system\"],\"detail-type\":[\"ContactChanged\",\"ContactDeleted\",\"ContactErased\"]}");
        assertThat(rule.scheduleExpression()).isNull();
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.targets()).containsExactly(new RuleSpec.Target("contact-events", "ContactEventsQueue",
                "arn:aws:sqs:eu-north-1:000000000000:dialog-contact-events-local", null, null));
    }

    @Test
    void httpApiHasTheStaffJwtAuthorizer() {
        HttpApiSpec api = stack.httpApi("DialogHttpApi").orElseThrow();
        assertThat(api.jwtAuthorizers()).containsOnlyKeys("StaffJwt");
        HttpApiSpec.JwtAuthorizer staff = api.jwtAuthorizers().get("StaffJwt");
        // By default the template's Cognito user pool issues the staff tokens, for its admin UI client.
        assertThat(staff.issuer()).isEqualTo("https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_dialogstafflocal");
        assertThat(staff.audiences()).containsExactly("dialogadminuilocal");
        assertThat(staff.identitySource()).isEqualTo("$request.header.Authorization");
        assertThat(api.defaultAuthorizer()).isNull();
    }

    @Test
    void anExternalIdentityProviderReplacesThePoolAndItsTrigger() {
        IntrinsicResolver external = IntrinsicResolver.builder(RealTemplate.TEMPLATE).parameter("Stage", "local")
                .parameter("IdentityProvider", "external")
                .parameter("ExternalIssuer", "https://login.microsoftonline.com/0000/v2.0")
                .parameter("ExternalAudience", "api://dialog-admin").build();
        StackSpec withExternal = StackSpec.read(RealTemplate.TEMPLATE, external);

        HttpApiSpec.JwtAuthorizer staff = withExternal.httpApi("DialogHttpApi").orElseThrow().jwtAuthorizers().get("StaffJwt");
        assertThat(staff.issuer()).isEqualTo("https://login.microsoftonline.com/0000/v2.0");
        assertThat(staff.audiences()).containsExactly("api://dialog-admin");
        IntrinsicResolver externalWithQueues = withQueueUrls().withParameters(java.util.Map.of(
                "IdentityProvider", "external", "ExternalIssuer", "https://login.microsoftonline.com/0000/v2.0",
                "ExternalAudience", "api://dialog-admin"));
        assertThat(external.isIncluded(RealTemplate.TEMPLATE.resource("StaffClaimsFunction").orElseThrow())).isFalse();
        assertThat(resolver.isIncluded(RealTemplate.TEMPLATE.resource("StaffClaimsFunction").orElseThrow())).isTrue();
        assertThat(FunctionSpecs.read(RealTemplate.TEMPLATE, externalWithQueues, "AdminApiFunction").environment())
                .doesNotContainKey("STAFF_USER_POOL_ID");
        assertThat(FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "AdminApiFunction").environment())
                .containsEntry("STAFF_USER_POOL_ID", "eu-north-1_dialogstafflocal");
    }

    @Test
    void everyNamedResourceHasANameAndArn() {
        assertThat(stack.namedResource("SyncFunction").orElseThrow())
                .isEqualTo(new NamedResource("SyncFunction", ResourceTypes.SERVERLESS_FUNCTION, "dialog-sync-local",
                        "arn:aws:lambda:eu-north-1:000000000000:function:dialog-sync-local"));
        assertThat(stack.namedResource("SyncLogGroup").orElseThrow().physicalName())
                .isEqualTo("/aws/lambda/dialog-sync-local");
        assertThat(stack.namedResource("ContactEventsRule").orElseThrow().arn())
                .isEqualTo("arn:aws:events:eu-north-1:000000000000:rule/dialog-local/dialog-local-ContactEventsRule");
        assertThat(stack.namedResource("ImportsQueuePolicy")).isEmpty();
    }

    @Test
    void functionEnvironmentsNeedTheProvisionedQueues() {
        assertThatThrownBy(() -> FunctionSpecs.read(RealTemplate.TEMPLATE, resolver))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.SyncFunction.Properties.Environment.Variables.IMPORTS_QUEUE_URL")
                .hasMessageContaining("after provisioning");
    }

    @Test
    void syncFunctionGetsGlobalsItsEnvironmentAndTwoSqsEvents() {
        FunctionSpec sync = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "SyncFunction");
        assertThat(sync.functionName()).isEqualTo("dialog-sync-local");
        assertThat(sync.handler()).isEqualTo("no.dialog.sync.SyncHandler");
        assertThat(sync.handlerClass()).isEqualTo("no.dialog.sync.SyncHandler");
        assertThat(sync.handlerMethod()).isEqualTo("handleRequest");
        assertThat(sync.runtime()).as("from Globals").isEqualTo("java25");
        assertThat(sync.timeoutSeconds()).as("the function's own Timeout wins over Globals").isEqualTo(300);
        assertThat(sync.memorySize()).as("from Globals").isEqualTo(1024);
        assertThat(sync.policiesDeclared()).isTrue();
        assertThat(sync.environment())
                .containsEntry("DIALOG_STAGE", "local")
                .containsEntry("CONTACTS_TABLE", "dialog-contacts-local")
                .containsEntry("IMPORTS_QUEUE_URL", "http://queues.local/dialog-imports-local")
                .containsKey("JAVA_TOOL_OPTIONS");
        assertThat(sync.eventsOfType(SqsEventSpec.class)).containsExactly(
                new SqsEventSpec("Imports", "ImportsQueue", 1, 0, true, true, 10),
                new SqsEventSpec("ContactEvents", "ContactEventsQueue", 10, 1, true, true, 10));
    }

    @Test
    void runFileFunctionsShareOneJarAndTheRunsAreClosedEveryFiveMinutes() {
        FunctionSpec letters = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "SendLetterFunction");
        assertThat(letters.handlerClass()).isEqualTo("no.dialog.runfiles.SendLetterHandler");
        assertThat(letters.environment())
                .containsEntry("SEND_LETTER_QUEUE_URL", "http://queues.local/dialog-send-letter-local")
                .containsEntry("SEND_LETTER_DLQ_URL", "http://queues.local/dialog-send-letter-dlq-local")
                .containsEntry("RUN_FILES_TABLE", "dialog-run-files-local");
        FunctionSpec closer = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "CloseRunsFunction");
        assertThat(closer.eventsOfType(ScheduleEventSpec.class)).singleElement()
                .satisfies(event -> assertThat(event.expression()).isEqualTo("rate(5 minutes)"));
        FunctionSpec journeys = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "JourneysFunction");
        assertThat(journeys.environment()).containsKeys("SEND_LETTER_QUEUE_URL", "SEND_PRINT_QUEUE_URL",
                "SEND_TELEMARKETING_QUEUE_URL");
        TableSpec runs = stack.table("RunFilesTable").orElseThrow();
        assertThat(runs.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(runs.attributeDefinitions()).contains(new TableSpec.AttributeDefinition("lastItemAt", "N"));
    }

    @Test
    void theWeeklySummaryRunsFromTheRunFilesJarOnMondaysAtSixOsloTimeWithReadOnlyTablesAndTheExportsBucket() {
        FunctionSpec summary = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "WeeklySummaryFunction");
        assertThat(summary.handlerClass()).isEqualTo("no.dialog.runfiles.WeeklySummaryHandler");
        assertThat(summary.environment()).containsOnlyKeys("DIALOG_STAGE", "JAVA_TOOL_OPTIONS", "DIALOG_CONFIG_REVISION",
                "TENANTS_TABLE", "DEFINITIONS_TABLE", "ENROLMENTS_TABLE", "EXPORTS_BUCKET");
        assertThat(summary.environment()).containsEntry("ENROLMENTS_TABLE", "dialog-enrolments-local")
                .containsEntry("DEFINITIONS_TABLE", "dialog-definitions-local");
        assertThat(summary.eventsOfType(ScheduleEventSpec.class)).singleElement().satisfies(event -> {
            assertThat(event.expression()).isEqualTo("cron(0 6 ? * MON *)");
            assertThat(event.timezone()).isEqualTo("Europe/Oslo");
        });
    }

    @Test
    void thePredictionFunctionsTrainOnSundaysAndScoreNightlyFromOneJarWithReadOnlyTablesAndTheSnapshotsBucket() {
        FunctionSpec train = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "TrainModelsFunction");
        FunctionSpec score = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "ScorePredictionsFunction");
        assertThat(train.handlerClass()).isEqualTo("no.dialog.predictions.TrainModelsHandler");
        assertThat(score.handlerClass()).isEqualTo("no.dialog.predictions.ScorePredictionsHandler");
        for (FunctionSpec function : List.of(train, score)) {
            assertThat(function.environment()).containsOnlyKeys("DIALOG_STAGE", "JAVA_TOOL_OPTIONS",
                    "DIALOG_CONFIG_REVISION", "TENANTS_TABLE", "CONTACTS_TABLE", "PAYMENTS_TABLE", "SNAPSHOTS_BUCKET");
            assertThat(function.timeoutSeconds()).isEqualTo(900);
        }
        assertThat(train.eventsOfType(ScheduleEventSpec.class)).singleElement().satisfies(event -> {
            assertThat(event.expression()).isEqualTo("cron(0 2 ? * SUN *)");
            assertThat(event.timezone()).isEqualTo("Europe/Oslo");
        });
        assertThat(score.eventsOfType(ScheduleEventSpec.class)).singleElement().satisfies(event -> {
            assertThat(event.expression()).isEqualTo("cron(30 3 * * ? *)");
            assertThat(event.timezone()).isEqualTo("Europe/Oslo");
        });
    }

    @Test
    void adminApiRoutesAndTheirAuthorizers() {
        FunctionSpec admin = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "AdminApiFunction");
        assertThat(admin.timeoutSeconds()).isEqualTo(30);
        assertThat(admin.environment()).containsOnlyKeys(
                "STAFF_USER_POOL_ID",
                "DIALOG_STAGE", "JAVA_TOOL_OPTIONS", "DIALOG_CONFIG_REVISION", "CONTACTS_TABLE", "TENANTS_TABLE",
                "DEFINITIONS_TABLE", "ENROLMENTS_TABLE", "SNAPSHOTS_BUCKET", "RUN_FILES_TABLE", "EXPORTS_BUCKET",
                "PAYMENTS_TABLE", "SEND_LEDGER_TABLE", "RESPONSES_QUEUE_URL", "EVENT_BUS_NAME", "TENANT_SECRETS_PREFIX",
                "AUDIT_TABLE",
                "LANDING_LINKS_TABLE",
                "ERASURES_TABLE", "ERASURES_QUEUE_URL", "SEGMENT_JOBS_QUEUE_URL");
        assertThat(admin.environment()).containsEntry("SEGMENT_JOBS_QUEUE_URL", "http://queues.local/dialog-segment-jobs-local");
        assertThat(admin.environment()).containsEntry("ERASURES_TABLE", "dialog-erasures-local")
                .containsEntry("ERASURES_QUEUE_URL", "http://queues.local/dialog-erasures-local");
        assertThat(admin.environment()).containsEntry("DEFINITIONS_TABLE", "dialog-definitions-local")
                .containsEntry("LANDING_LINKS_TABLE", "dialog-landing-links-local")
                .containsEntry("TENANT_SECRETS_PREFIX", "dialog/local/tenants/")
                .containsEntry("ENROLMENTS_TABLE", "dialog-enrolments-local")
                .containsEntry("RUN_FILES_TABLE", "dialog-run-files-local")
                .containsEntry("AUDIT_TABLE", "dialog-audit-local");
        assertThat(admin.eventsOfType(HttpApiEventSpec.class)).containsExactly(
                new HttpApiEventSpec("Health", "DialogHttpApi", "/health", "GET", null),
                new HttpApiEventSpec("ListProviders", "DialogHttpApi", "/admin/v1/providers", "GET", "StaffJwt"),
                new HttpApiEventSpec("PutProvider", "DialogHttpApi", "/admin/v1/providers/{provider}", "PUT", "StaffJwt"),
                new HttpApiEventSpec("GetContact", "DialogHttpApi", "/admin/v1/contacts/{id}", "GET", "StaffJwt"),
                new HttpApiEventSpec("GetContactPayments", "DialogHttpApi", "/admin/v1/contacts/{id}/payments", "GET",
                        "StaffJwt"),
                new HttpApiEventSpec("GetContactExport", "DialogHttpApi", "/admin/v1/contacts/{id}/export", "GET",
                        "StaffJwt"),
                new HttpApiEventSpec("GetContactTimeline", "DialogHttpApi", "/admin/v1/contacts/{id}/timeline", "GET",
                        "StaffJwt"),
                new HttpApiEventSpec("EraseContact", "DialogHttpApi", "/admin/v1/contacts/{id}/erase", "POST",
                        "StaffJwt"),
                new HttpApiEventSpec("GetErasure", "DialogHttpApi", "/admin/v1/erasures/{erasureId}", "GET", "StaffJwt"),
                new HttpApiEventSpec("GetSegmentFields", "DialogHttpApi", "/admin/v1/segment-fields", "GET", "StaffJwt"),
                new HttpApiEventSpec("ListSegments", "DialogHttpApi", "/admin/v1/segments", "GET", "StaffJwt"),
                new HttpApiEventSpec("CreateSegment", "DialogHttpApi", "/admin/v1/segments", "POST", "StaffJwt"),
                new HttpApiEventSpec("PreviewCriteria", "DialogHttpApi", "/admin/v1/segments/preview", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetSegment", "DialogHttpApi", "/admin/v1/segments/{id}", "GET", "StaffJwt"),
                new HttpApiEventSpec("ReplaceSegment", "DialogHttpApi", "/admin/v1/segments/{id}", "PUT", "StaffJwt"),
                new HttpApiEventSpec("DeleteSegment", "DialogHttpApi", "/admin/v1/segments/{id}", "DELETE", "StaffJwt"),
                new HttpApiEventSpec("PreviewSegment", "DialogHttpApi", "/admin/v1/segments/{id}/preview", "GET", "StaffJwt"),
                new HttpApiEventSpec("ListTemplates", "DialogHttpApi", "/admin/v1/templates", "GET", "StaffJwt"),
                new HttpApiEventSpec("CreateTemplate", "DialogHttpApi", "/admin/v1/templates", "POST", "StaffJwt"),
                new HttpApiEventSpec("PreviewUnsavedTemplate", "DialogHttpApi", "/admin/v1/templates/preview", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetTemplate", "DialogHttpApi", "/admin/v1/templates/{id}", "GET", "StaffJwt"),
                new HttpApiEventSpec("ReplaceTemplate", "DialogHttpApi", "/admin/v1/templates/{id}", "PUT", "StaffJwt"),
                new HttpApiEventSpec("DeleteTemplate", "DialogHttpApi", "/admin/v1/templates/{id}", "DELETE", "StaffJwt"),
                new HttpApiEventSpec("PreviewTemplate", "DialogHttpApi", "/admin/v1/templates/{id}/preview", "GET", "StaffJwt"),
                new HttpApiEventSpec("ListJourneys", "DialogHttpApi", "/admin/v1/journeys", "GET", "StaffJwt"),
                new HttpApiEventSpec("CreateJourney", "DialogHttpApi", "/admin/v1/journeys", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetJourney", "DialogHttpApi", "/admin/v1/journeys/{id}", "GET", "StaffJwt"),
                new HttpApiEventSpec("EditJourney", "DialogHttpApi", "/admin/v1/journeys/{id}", "PUT", "StaffJwt"),
                new HttpApiEventSpec("ActivateJourney", "DialogHttpApi", "/admin/v1/journeys/{id}/activate", "POST", "StaffJwt"),
                new HttpApiEventSpec("PauseJourney", "DialogHttpApi", "/admin/v1/journeys/{id}/pause", "POST", "StaffJwt"),
                new HttpApiEventSpec("ResumeJourney", "DialogHttpApi", "/admin/v1/journeys/{id}/resume", "POST", "StaffJwt"),
                new HttpApiEventSpec("EndJourney", "DialogHttpApi", "/admin/v1/journeys/{id}/end", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetJourneyResults", "DialogHttpApi", "/admin/v1/journeys/{id}/results", "GET", "StaffJwt"),
                new HttpApiEventSpec("ListPredictionModels", "DialogHttpApi", "/admin/v1/predictions/models", "GET", "StaffJwt"),
                new HttpApiEventSpec("GetPredictionModel", "DialogHttpApi", "/admin/v1/predictions/models/{model}", "GET",
                        "StaffJwt"),
                new HttpApiEventSpec("ListPredictionFeatures", "DialogHttpApi", "/admin/v1/predictions/features", "GET",
                        "StaffJwt"),
                new HttpApiEventSpec("ListJourneyRuns", "DialogHttpApi", "/admin/v1/journeys/{id}/runs", "GET", "StaffJwt"),
                new HttpApiEventSpec("RunJourneyAgain", "DialogHttpApi", "/admin/v1/journeys/{id}/runs", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetJourneyFiles", "DialogHttpApi", "/admin/v1/journeys/{id}/files", "GET", "StaffJwt"),
                new HttpApiEventSpec("ListLibrary", "DialogHttpApi", "/admin/v1/library", "GET", "StaffJwt"),
                new HttpApiEventSpec("InstantiateLibraryJourney", "DialogHttpApi", "/admin/v1/library/{id}/instantiate", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetJourneySummaries", "DialogHttpApi", "/admin/v1/journeys/{id}/summaries", "GET",
                        "StaffJwt"),
                new HttpApiEventSpec("ListUnmatchedPayments", "DialogHttpApi", "/admin/v1/payments/unmatched", "GET", "StaffJwt"),
                new HttpApiEventSpec("GetUnmatchedPayment", "DialogHttpApi", "/admin/v1/payments/unmatched/{id}", "GET", "StaffJwt"),
                new HttpApiEventSpec("ConfirmUnmatchedPayment", "DialogHttpApi", "/admin/v1/payments/unmatched/{id}/confirm", "POST", "StaffJwt"),
                new HttpApiEventSpec("RejectUnmatchedPayment", "DialogHttpApi", "/admin/v1/payments/unmatched/{id}/reject", "POST", "StaffJwt"),
                new HttpApiEventSpec("GetSettings", "DialogHttpApi", "/admin/v1/settings", "GET", "StaffJwt"),
                new HttpApiEventSpec("ReplaceSettings", "DialogHttpApi", "/admin/v1/settings", "PUT", "StaffJwt"),
                new HttpApiEventSpec("CreateTenant", "DialogHttpApi", "/platform/v1/tenants", "POST", "StaffJwt"),
                new HttpApiEventSpec("ListAudit", "DialogHttpApi", "/admin/v1/audit", "GET", "StaffJwt"));
    }

    @Test
    void webhooksRoutesHaveNoAuthorizerAndSesEventsComeFromTheDefaultBus() {
        FunctionSpec webhooks = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "WebhooksFunction");
        assertThat(webhooks.handlerClass()).isEqualTo("no.dialog.webhooks.WebhooksHandler");
        assertThat(webhooks.environment()).containsOnlyKeys("DIALOG_STAGE", "JAVA_TOOL_OPTIONS", "DIALOG_CONFIG_REVISION", "CONTACTS_TABLE",
                "SEND_LEDGER_TABLE", "RESULTS_TABLE", "RESPONSES_QUEUE_URL", "SES_EVENTS_DLQ_URL", "EVENT_BUS_NAME",
                "WEBHOOK_KEY_SECRET_ARN", "UNSUBSCRIBE_KEY_SECRET_ARN");
        // Names of secrets, never values: the ARNs planned from the secrets' names.
        assertThat(webhooks.environment())
                .containsEntry("WEBHOOK_KEY_SECRET_ARN",
                        "arn:aws:secretsmanager:eu-north-1:000000000000:secret:dialog/local/webhook-key")
                .containsEntry("UNSUBSCRIBE_KEY_SECRET_ARN",
                        "arn:aws:secretsmanager:eu-north-1:000000000000:secret:dialog/local/unsubscribe-key")
                .containsEntry("EVENT_BUS_NAME", "dialog-local");
        assertThat(webhooks.eventsOfType(HttpApiEventSpec.class)).containsExactly(
                new HttpApiEventSpec("LinkSmsReports", "DialogHttpApi", "/webhooks/link-sms/{tenant}", "POST", null),
                new HttpApiEventSpec("LinkChatReplies", "DialogHttpApi", "/webhooks/link-chat/{tenant}", "POST", null),
                new HttpApiEventSpec("LinkSmsReplies", "DialogHttpApi", "/webhooks/link-sms-mo/{tenant}", "POST", null),
                new HttpApiEventSpec("TmResults", "DialogHttpApi", "/webhooks/tm/{tenant}", "POST", null),
                new HttpApiEventSpec("UnsubscribePage", "DialogHttpApi", "/webhooks/unsubscribe/{tenant}", "GET", null),
                new HttpApiEventSpec("UnsubscribeConfirm", "DialogHttpApi", "/webhooks/unsubscribe/{tenant}", "POST", null));
        assertThat(webhooks.eventsOfType(SqsEventSpec.class)).containsExactly(
                new SqsEventSpec("SesEvents", "SesEventsQueue", 10, 1, true, true, null));

        RuleSpec rule = stack.rule("SesEventsRule").orElseThrow();
        assertThat(rule.eventBusName()).isEqualTo("default");
        assertThat(rule.eventPatternJson()).startsWith("{\"source\":[\"aws.ses\"],\"detail-type\":[\"Email Delivered\"");
        assertThat(rule.targets()).extracting(RuleSpec.Target::targetLogicalId).containsExactly("SesEventsQueue");
    }

    @Test
    void chatAndNewsletterSendersGetTheirQueuesProviderSettingsAndTheJourneysRouteToThem() {
        FunctionSpec chat = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "SendChatFunction");
        assertThat(chat.handlerClass()).isEqualTo("no.dialog.sendchat.SendChatHandler");
        assertThat(chat.environment())
                .containsEntry("SEND_CHAT_QUEUE_URL", "http://queues.local/dialog-send-chat-local")
                .containsEntry("SEND_CHAT_DLQ_URL", "http://queues.local/dialog-send-chat-dlq-local")
                .containsEntry("PUBLIC_BASE_URL", "https://dlg.no")
                .containsKeys("LINK_CHAT_BASE_URL", "LINK_CHAT_USERNAME", "LINK_CHAT_PASSWORD_SECRET_ARN", "LINK_CHAT_SENDER",
                        "SEND_LEDGER_TABLE", "RESPONSES_QUEUE_URL");
        assertThat(chat.eventsOfType(SqsEventSpec.class)).containsExactly(
                new SqsEventSpec("SendChat", "SendChatQueue", 10, 1, true, true, 10));

        FunctionSpec newsletter = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "SendNewsletterFunction");
        assertThat(newsletter.handlerClass()).isEqualTo("no.dialog.sendnewsletter.SendNewsletterHandler");
        assertThat(newsletter.environment())
                .containsEntry("SEND_NEWSLETTER_QUEUE_URL", "http://queues.local/dialog-send-newsletter-local")
                .containsEntry("MAKE_BASE_URL", "https://subscribers.dialogapi.no/api/public/v2")
                .containsEntry("MAKE_CONSENT_FIELD", "SAMTYKKEEPOST")
                .containsKeys("MAKE_USER_ID", "MAKE_API_KEY_SECRET_ARN", "SEND_NEWSLETTER_DLQ_URL", "RESPONSES_QUEUE_URL");
        assertThat(stack.queue("SendNewsletterQueue").orElseThrow().redrive())
                .isEqualTo(new QueueSpec.Redrive("SendNewsletterDLQ", 5));

        FunctionSpec journeys = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "JourneysFunction");
        assertThat(journeys.environment())
                .containsEntry("SEND_CHAT_QUEUE_URL", "http://queues.local/dialog-send-chat-local")
                .containsEntry("SEND_NEWSLETTER_QUEUE_URL", "http://queues.local/dialog-send-newsletter-local");
    }

    /** Physical ids as after provisioning: queue URLs known, everything else planned from the template. */
    @Test
    void sendEmailFunctionReadsItsQueueAndGetsTheSesSettingsAndConfigurationSet() {
        QueueSpec queue = stack.queue("SendEmailQueue").orElseThrow();
        assertThat(queue.queueName()).isEqualTo("dialog-send-email-local");
        assertThat(queue.redrive()).isEqualTo(new QueueSpec.Redrive("SendEmailDLQ", 5));
        assertThat(stack.namedResource("EmailConfigurationSet").orElseThrow().physicalName()).isEqualTo("dialog-email-local");

        FunctionSpec email = FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "SendEmailFunction");
        assertThat(email.handlerClass()).isEqualTo("no.dialog.sendemail.SendEmailHandler");
        assertThat(email.environment())
                .containsEntry("SEND_EMAIL_QUEUE_URL", "http://queues.local/dialog-send-email-local")
                .containsEntry("SEND_EMAIL_DLQ_URL", "http://queues.local/dialog-send-email-dlq-local")
                .as("SMS as a fallback channel").containsEntry("SEND_SMS_QUEUE_URL", "http://queues.local/dialog-send-sms-local")
                .containsEntry("EMAIL_TRANSPORT", "ses")
                .containsEntry("SES_CONFIGURATION_SET", "dialog-email-local")
                .containsEntry("SES_ENDPOINT", "")
                .containsKeys("PUBLIC_BASE_URL", "UNSUBSCRIBE_KEY_SECRET_ARN", "SMTP_HOST", "SMTP_PORT",
                        "SMTP_PASSWORD_SECRET_ARN");
        assertThat(email.eventsOfType(SqsEventSpec.class)).containsExactly(
                new SqsEventSpec("SendEmail", "SendEmailQueue", 10, 1, true, true, 10));
        assertThat(FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "JourneysFunction").environment())
                .containsEntry("SEND_EMAIL_QUEUE_URL", "http://queues.local/dialog-send-email-local");
        assertThat(FunctionSpecs.read(RealTemplate.TEMPLATE, withQueueUrls(), "SendSmsFunction").environment())
                .as("e-mail as a fallback channel").containsEntry("SEND_EMAIL_QUEUE_URL", "http://queues.local/dialog-send-email-local");
    }

    private IntrinsicResolver withQueueUrls() {
        PhysicalIds planned = resolver.physicalIds();
        return resolver.withPhysicalIds(new PhysicalIds() {
            @Override
            public Optional<String> ref(String logicalId) {
                return RealTemplate.TEMPLATE.resource(logicalId).filter(r -> r.isOfType(ResourceTypes.QUEUE)).isPresent()
                        ? planned.getAtt(logicalId, "QueueName").map(name -> "http://queues.local/" + name)
                        : planned.ref(logicalId);
            }

            @Override
            public Optional<String> getAtt(String logicalId, String attribute) {
                return planned.getAtt(logicalId, attribute);
            }
        });
    }
}
