package no.dialog.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.payment.ocr.OcrImportReport;
import no.dialog.core.payment.ocr.OcrImports;
import no.dialog.core.tenant.TenantId;

/** {@link OcrImports} in maps: a file is a repeat once an import with its hash or transmission number finished. */
public final class InMemoryOcrImports implements OcrImports {

    private final Map<String, OcrImportReport> finished = new HashMap<>();
    public final List<ImportedFile> begun = new ArrayList<>();

    @Override
    public synchronized boolean begin(TenantId tenant, ImportedFile file, Instant at) {
        if (finished.containsKey(hashKey(tenant, file)) || finished.containsKey(transmissionKey(tenant, file))) {
            return false;
        }
        begun.add(file);
        return true;
    }

    @Override
    public synchronized void finish(TenantId tenant, ImportedFile file, OcrImportReport report, Instant at) {
        finished.put(hashKey(tenant, file), report);
        finished.put(transmissionKey(tenant, file), report);
    }

    /** Forgets every finished import (as if the log had been lost), to show the ledger still holds. */
    public synchronized void forget() {
        finished.clear();
    }

    public synchronized int finishedCount() {
        return finished.size() / 2;
    }

    private static String hashKey(TenantId tenant, ImportedFile file) {
        return tenant.value() + "#sha256#" + file.sha256();
    }

    private static String transmissionKey(TenantId tenant, ImportedFile file) {
        return tenant.value() + "#transmission#" + file.transmissionNumber();
    }
}
