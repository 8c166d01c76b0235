package no.dialog.ocrimport;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.payment.ocr.OcrImporter;
import no.dialog.core.payment.ocr.OcrImports;
import no.dialog.core.tenant.TenantDirectory;

/**
 * Wires the OCR importer from the function's environment: {@code PAYMENTS_TABLE} (ledger, unmatched payments,
 * import log), {@code CONTACTS_TABLE}, {@code TENANTS_TABLE}, {@code RUN_FILES_TABLE} (the numbers KIDs
 * encode), {@code RESPONSES_QUEUE_URL}, {@code EVENT_BUS_NAME} (see {@code PaymentsFactory}),
 * {@code OCR_IMPORTS_DLQ_URL} and {@code EXPORTS_BUCKET} (the reports).
 */
@Factory
class OcrImportFactory {

    @Singleton
    OcrImporter ocrImporter(TenantDirectory tenants, TenantNumbers numbers, PaymentRegistrar registrar,
                            UnmatchedPayments unmatched, OcrImports imports, Clock clock) {
        return new OcrImporter(tenants, numbers, registrar, unmatched, imports, clock);
    }
}
