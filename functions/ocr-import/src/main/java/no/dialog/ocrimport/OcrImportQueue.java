package no.dialog.ocrimport;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.payment.ocr.OcrImportReport;
import no.dialog.core.payment.ocr.OcrImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The OCR imports queue: each message is S3's notification of a file put at {@code ocr/<tenant>/<file name>}
 * in the imports bucket. The file is read, imported ({@link OcrImporter}) and its report written; the log says
 * the outcome and counts only.
 * <ul>
 *   <li>a damaged file is not a failure: its REJECTED report (line and reason per error) is the answer, and the
 *       message is done;</li>
 *   <li>a key that is not an OCR file's, an unknown tenant, wrong tenant settings, a file that is gone → the
 *       dead-letter queue at once, with the reason;</li>
 *   <li>S3 or DynamoDB failing now → SQS delivers the message again (partial batch failure), and on its last
 *       delivery it goes to the dead-letter queue with the reason. Importing again is safe: the import log
 *       and the ledger's payment ids keep each payment registered once.</li>
 * </ul>
 */
@Singleton
class OcrImportQueue {

    private static final Logger LOG = LoggerFactory.getLogger(OcrImportQueue.class);

    private final OcrImporter importer;
    private final S3OcrFiles files;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;

    OcrImportQueue(OcrImporter importer, S3OcrFiles files, SqsClient sqs, Clock clock,
                   @Value("${ocr.imports.dlq.url}") String dlqUrl,
                   @Value("${ocr.imports.max-receive-count:5}") int maxReceiveCount) {
        this.importer = importer;
        this.files = files;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, message -> handle(message.getBody()));
    }

    private void handle(String body) {
        for (OcrUpload upload : OcrNotifications.uploads(body)) {
            importFile(upload);
        }
    }

    private void importFile(OcrUpload upload) {
        MDC.put(LogKeys.TENANT, upload.tenant().value());
        OcrImportReport report = importer.importFile(upload.tenant(), upload.fileName(), files.read(upload));
        boolean written = files.writeReport(upload, report);
        LOG.info("OCR file {}: status={} transmission={} registered={} alreadyRegistered={} unmatched={} skipped={}"
                        + " errors={} report={}", upload.fileName(), report.status(), report.transmissionNumber(),
                report.registered(), report.alreadyRegistered(), report.unmatched(), report.skipped(),
                report.errors().size(), written ? "written" : "kept the earlier one");
    }
}
