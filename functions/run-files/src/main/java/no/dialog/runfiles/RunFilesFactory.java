package no.dialog.runfiles;

import no.dialog.core.enrolment.ResultCounts;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import no.dialog.aws.run.DynamoDbRunStore;
import no.dialog.aws.run.DynamoDbTenantNumbers;
import no.dialog.aws.run.S3RunFiles;
import no.dialog.aws.send.SendQueueProcessor;
import no.dialog.aws.sqs.SqsSendQueues;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.observability.Metrics;
import no.dialog.core.results.JourneyResultsSource;
import no.dialog.core.results.SummaryFiles;
import no.dialog.core.results.WeeklySummaries;
import no.dialog.core.run.CallListItems;
import no.dialog.core.run.CallListMaker;
import no.dialog.core.run.LetterItems;
import no.dialog.core.run.PrintItems;
import no.dialog.core.run.RunCloser;
import no.dialog.core.run.RunDelivery;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunItemFields;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendRules;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.providers.letter.LetterRunMaker;
import no.dialog.providers.print.PrintRunMaker;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the three run-file channels (letter, print, telemarketing): each is core's {@link OnceSender} with a
 * {@link RunDelivery} that stages the person's item in the day's run, read from its own queue by
 * {@link SendQueueProcessor}; and the {@link RunCloser} with the three file makers. Beans are made only
 * when a handler asks for them, so each function needs only its own queue's settings
 * ({@code SEND_LETTER_QUEUE_URL} and {@code SEND_LETTER_DLQ_URL}, and so on; {@code RUN_QUIET_MINUTES}
 * (default 3) is how long a run must have had no new item before it is closed).
 */
@Factory
public class RunFilesFactory {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Singleton
    @Named("letter")
    @Requires(property = "send.letter.queue.url")
    @Requires(property = "send.letter.dlq.url")
    @Requires(beans = {SenderParts.class, DynamoDbTenantNumbers.class})
    SendQueueProcessor letters(SenderParts parts, DynamoDbTenantNumbers numbers,
            @Value("${send.letter.queue.url}") String queueUrl, @Value("${send.letter.dlq.url}") String dlqUrl) {
        return parts.processor("send-letter", SendChannel.LETTER, new LetterItems(renderer, numbers, parts.clock),
                queueUrl, dlqUrl);
    }

    @Singleton
    @Named("print")
    @Requires(property = "send.print.queue.url")
    @Requires(property = "send.print.dlq.url")
    @Requires(beans = SenderParts.class)
    SendQueueProcessor prints(SenderParts parts, @Value("${send.print.queue.url}") String queueUrl,
            @Value("${send.print.dlq.url}") String dlqUrl) {
        return parts.processor("print-file", SendChannel.PRINT, new PrintItems(parts.clock), queueUrl, dlqUrl);
    }

    @Singleton
    @Named("telemarketing")
    @Requires(property = "send.telemarketing.queue.url")
    @Requires(property = "send.telemarketing.dlq.url")
    @Requires(beans = SenderParts.class)
    SendQueueProcessor calls(SenderParts parts, @Value("${send.telemarketing.queue.url}") String queueUrl,
            @Value("${send.telemarketing.dlq.url}") String dlqUrl) {
        return parts.processor("telemarketing", SendChannel.TELEMARKETING, new CallListItems(renderer, parts.clock),
                queueUrl, dlqUrl);
    }

    @Singleton
    @Requires(beans = {DynamoDbRunStore.class, S3RunFiles.class, TenantDirectory.class, ContactStore.class})
    RunCloser runCloser(DynamoDbRunStore runs, S3RunFiles files, TenantDirectory tenants, ContactStore contacts,
            SendRules rules, Clock clock, @Value("${run.quiet.minutes:3}") int quietMinutes) {
        return new RunCloser(runs, List.of(new LetterRunMaker(tenants, files, files), new PrintRunMaker(tenants, files),
                new CallListMaker(tenants, contacts, rules, files)), Duration.ofMinutes(quietMinutes), clock);
    }

    /**
     * The weekly results summaries (the weekly-summary function): results from the enrolments table, journeys
     * from the definitions table, tenants from the tenants table, files into the exports bucket.
     */
    @Singleton
    @Requires(beans = {TenantDirectory.class, JourneyStore.class, EnrolmentStore.class, SummaryFiles.class})
    WeeklySummaries weeklySummaries(TenantDirectory tenants, JourneyStore journeys, EnrolmentStore enrolments,
            no.dialog.core.settings.TenantSettingsStore settings, SummaryFiles files, Clock clock) {
        return new WeeklySummaries(tenants, journeys, JourneyResultsSource.from(enrolments, settings, journeys),
                new SummaryPdf(), files, clock);
    }

    /** What every run-file sender shares; not in close-runs, which sends nothing. */
    @Singleton
    @Requires(beans = {TenantDirectory.class, ContactStore.class, TemplateStore.class, SendLedger.class,
            ResponsePublisher.class, DynamoDbRunStore.class, ResultCounts.class})
    static class SenderParts {
        final TenantDirectory tenants;
        final ContactStore contacts;
        final TemplateStore templates;
        final SendLedger ledger;
        final SendRules rules;
        final SqsSendQueues queues;
        final ResponsePublisher responses;
        final DynamoDbRunStore runs;
        final Metrics metrics;
        final SqsClient sqs;
        final Clock clock;
        final int maxReceiveCount;
        final ResultCounts results;

        SenderParts(TenantDirectory tenants, ContactStore contacts, TemplateStore templates, SendLedger ledger,
                SendRules rules, SqsSendQueues queues, ResponsePublisher responses, DynamoDbRunStore runs,
                Metrics metrics, SqsClient sqs, Clock clock, @Value("${send.max-receive-count:5}") int maxReceiveCount,
                ResultCounts results) {
            this.results = results;
            this.tenants = tenants;
            this.contacts = contacts;
            this.templates = templates;
            this.ledger = ledger;
            this.rules = rules;
            this.queues = queues;
            this.responses = responses;
            this.runs = runs;
            this.metrics = metrics;
            this.sqs = sqs;
            this.clock = clock;
            this.maxReceiveCount = maxReceiveCount;
        }

        SendQueueProcessor processor(String function, SendChannel channel, RunItemFields fields, String queueUrl,
                String dlqUrl) {
            OnceSender<RunItem> sender = new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(), ledger,
                    rules, new RunDelivery(channel, fields, runs, clock), queues, responses, clock)
                    .withResults(results);
            return new SendQueueProcessor(function, sender, queues::enqueueLater, metrics, sqs, clock, queueUrl, dlqUrl,
                    maxReceiveCount);
        }
    }
}
