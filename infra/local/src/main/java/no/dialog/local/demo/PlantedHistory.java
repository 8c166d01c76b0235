package no.dialog.local.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the planted people of the demo organisation: their payments into the ledger (each added once: a payment
 * already there is left as it is, so a second start adds nothing) and their contacts, as NDJSON lines, to the demo
 * contact file.
 */
public final class PlantedHistory {

    private static final Logger LOG = LoggerFactory.getLogger(PlantedHistory.class);
    /** Ledger writes in flight: DynamoDB Local takes a few thousand conditional puts a second this way. */
    private static final int WRITERS = 32;

    private PlantedHistory() {}

    public static void load(PlantedPeople people, int count, java.util.Set<String> taken, PaymentLedger ledger, TenantId tenant,
                     OutputStream file) throws IOException {
        long started = System.nanoTime();
        ContactJson json = new ContactJson(Clock.systemUTC());
        long payments = 0;
        List<Future<?>> writes = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            for (int n = 0; n < count; n++) {
                PlantedPeople.Planted planted = people.person(n, taken);
                file.write(json.write(planted.contact()).getBytes(StandardCharsets.UTF_8));
                file.write('\n');
                for (RegisteredPayment payment : planted.payments()) {
                    writes.add(writers.submit(() -> ledger.add(tenant, payment)));
                    payments++;
                }
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading the planted history was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a planted payment could not be written to the ledger", e.getCause());
        }
        LOG.info("{} planted people and {} payments of their history loaded in {} ms", count, payments,
                (System.nanoTime() - started) / 1_000_000);
    }
}
