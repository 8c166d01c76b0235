package no.dialog.core.predict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * {@link PersonFacts} from the contact replica and the payment ledger: the register's contacts one page at a time,
 * each person's payments read by contact ({@code parallelism} reads in flight, so a million people take minutes,
 * not hours, at a few milliseconds a read).
 *
 * <p>Messages are not read: the send ledger keeps 90 days (ADR 0005), so at the training cut, 90 days back, there
 * would be none, and a feature seen only when scoring would mislead the model. The response models therefore
 * learn nothing from message history here, and are published only if they beat their baseline without it.
 */
public final class LedgerPersonFacts implements PersonFactsSource {

    private final ContactStore contacts;
    private final PaymentLedger ledger;
    private final int parallelism;

    public LedgerPersonFacts(ContactStore contacts, PaymentLedger ledger, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.contacts = contacts;
        this.ledger = ledger;
        this.parallelism = parallelism;
    }

    @Override
    public void forEach(TenantId tenant, Consumer<PersonFacts> sink) {
        Semaphore inFlight = new Semaphore(parallelism);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            contacts.forEach(tenant, contact -> {
                if (failure.get() != null) {
                    return; // one person left out would skew every figure: stop reading, fail below
                }
                inFlight.acquireUninterruptibly();
                readers.submit(() -> {
                    try {
                        PersonFacts facts = of(contact, ledger.forContact(tenant, contact.id()));
                        synchronized (sink) {
                            sink.accept(facts);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            });
        } // close() waits for every read
        if (failure.get() != null) {
            throw new IllegalStateException("reading a person's payments failed", failure.get());
        }
    }

    /** The facts of one person: the ledger's payments by Oslo day; a Vipps Recurring charge is a regular one. */
    static PersonFacts of(Contact contact, List<RegisteredPayment> payments) {
        List<PersonFacts.Payment> dated = new ArrayList<>(payments.size());
        for (RegisteredPayment payment : payments) {
            if (payment.candidate()) {
                continue; // a giver candidate's money is not yet known to be this person's
            }
            LocalDate day = payment.receivedAt().atZone(OsloTime.ZONE).toLocalDate();
            dated.add(new PersonFacts.Payment(day, payment.amountOre(), payment.kind(),
                    payment.source() == PaymentSource.VIPPS_RECURRING));
        }
        return new PersonFacts(contact, dated, List.of());
    }
}
