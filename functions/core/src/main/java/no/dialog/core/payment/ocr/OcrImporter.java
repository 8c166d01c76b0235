package no.dialog.core.payment.ocr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.KidLayout;
import no.dialog.core.payment.KidMethod;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one Nets OCR giro file for a tenant: reads and checks it whole ({@link OcrFileParser}; a file with
 * any error registers nothing), then, once per file ({@link OcrImports}), takes each OCR giro payment:
 * <ul>
 *   <li>a KID in Dialog's layout ({@link KidLayout}, checked with the tenant's KID method) whose contact and
 *       step numbers Dialog gave ({@link TenantNumbers}) → registered ({@link PaymentRegistrar}) against the
 *       contact, attributed to the step;</li>
 *   <li>no KID, an invalid KID, or one Dialog cannot resolve → kept for staff to match
 *       ({@link UnmatchedPayments}), not registered;</li>
 *   <li>a reversal (sign "-") or an AvtaleGiro claim (service code 21: a claim is not money received; the
 *       money comes later as an OCR giro payment of transaction type 15) → skipped, and reported.</li>
 * </ul>
 * Each payment's reference is {@code <transmission number>:<assignment number>:<transaction number>}, so its
 * ledger id (source {@link PaymentSource#OCR_GIRO}) is the same however often the file comes. It counts as
 * received at noon (Oslo) on its Nets date.
 *
 * <p>Tenant settings read here:
 * <ul>
 *   <li>{@value KidMethod#SETTING}: MOD10 (default) or MOD11, as for the giros Dialog prints;</li>
 *   <li>{@value #INVOICE_ACCOUNTS_SETTING}: comma-separated 11-digit account numbers that receive invoice
 *       payments (membership fees come to their own account); a payment to one of them is
 *       {@link PaymentKind#INVOICE}, any other a {@link PaymentKind#GIFT}. None set: every payment is a gift.</li>
 * </ul>
 */
public final class OcrImporter {

    public static final String INVOICE_ACCOUNTS_SETTING = "ocr.invoiceAccounts";

    private static final Logger LOG = LoggerFactory.getLogger(OcrImporter.class);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{11}");
    private static final LocalTime RECEIVED_AT = LocalTime.NOON;

    private final OcrFileParser parser = new OcrFileParser();
    private final TenantDirectory tenants;
    private final TenantNumbers numbers;
    private final PaymentRegistrar registrar;
    private final UnmatchedPayments unmatched;
    private final OcrImports imports;
    private final Clock clock;

    public OcrImporter(TenantDirectory tenants, TenantNumbers numbers, PaymentRegistrar registrar,
                       UnmatchedPayments unmatched, OcrImports imports, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants);
        this.numbers = Objects.requireNonNull(numbers);
        this.registrar = Objects.requireNonNull(registrar);
        this.unmatched = Objects.requireNonNull(unmatched);
        this.imports = Objects.requireNonNull(imports);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Imports the file ({@code import} is a Java keyword, hence the name).
     *
     * @return the report: REJECTED with the errors, ALREADY_IMPORTED, or IMPORTED with what each payment became
     * @throws PermanentFailure if the tenant is unknown or its settings are wrong (nothing is registered)
     */
    public OcrImportReport importFile(TenantId tenant, String fileName, byte[] content) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(content, "content");
        OcrFileParser.Result result = parser.parse(content);
        if (!result.ok()) {
            LOG.info("OCR file rejected: tenant={} file={} errors={}", tenant.value(), fileName, result.errors().size());
            return OcrImportReport.rejected(fileName, result.errors());
        }
        OcrTransmission transmission = result.transmission();
        Tenant settings = tenants.find(tenant)
                .orElseThrow(() -> new PermanentFailure("unknown tenant '" + tenant.value() + "'"));
        KidMethod method = KidMethod.of(settings);
        Set<String> invoiceAccounts = invoiceAccounts(settings);
        OcrImports.ImportedFile file = new OcrImports.ImportedFile(sha256(content), transmission.transmissionNumber(),
                fileName);
        if (!imports.begin(tenant, file, clock.instant())) {
            LOG.info("OCR file already imported: tenant={} file={} transmission={}", tenant.value(), fileName,
                    transmission.transmissionNumber());
            return OcrImportReport.alreadyImported(fileName, transmission.transmissionNumber());
        }
        Tally tally = new Tally();
        for (OcrAssignment assignment : transmission.assignments()) {
            PaymentKind kind = invoiceAccounts.contains(assignment.account()) ? PaymentKind.INVOICE : PaymentKind.GIFT;
            for (OcrPayment payment : assignment.payments()) {
                String reference = transmission.transmissionNumber() + ":" + assignment.assignmentNumber() + ":"
                        + payment.transactionNumber();
                take(tenant, method, kind, assignment, payment, reference, tally);
            }
        }
        OcrImportReport report = new OcrImportReport(fileName, OcrImportReport.Status.IMPORTED,
                transmission.transmissionNumber(), List.of(), tally.registered, tally.alreadyRegistered,
                tally.unmatched, tally.skipped, transmission.totalAmountOre(), tally.registeredAmountOre, tally.items);
        imports.finish(tenant, file, report, clock.instant());
        LOG.info("OCR file imported: tenant={} file={} transmission={} registered={} alreadyRegistered={} unmatched={}"
                        + " skipped={}", tenant.value(), fileName, transmission.transmissionNumber(), tally.registered,
                tally.alreadyRegistered, tally.unmatched, tally.skipped);
        return report;
    }

    private void take(TenantId tenant, KidMethod method, PaymentKind kind, OcrAssignment assignment,
                      OcrPayment payment, String reference, Tally tally) {
        if (assignment.serviceCode() != OcrServiceCode.OCR_GIRO) {
            tally.skip(payment, reference, "AvtaleGiro claim");
            return;
        }
        if (payment.amountOre() <= 0) {
            tally.skip(payment, reference, "reversal");
            return;
        }
        Instant receivedAt = receivedAt(payment.netsDate());
        Payer payer = new Payer(null, null, payment.debitAccount());
        Resolved resolved = resolve(tenant, method, payment.kid());
        if (resolved.contactId == null) {
            IncomingPayment incoming = new IncomingPayment(PaymentSource.OCR_GIRO, reference, kind, payment.amountOre(),
                    receivedAt, null, payer, null, payment.message());
            unmatched.add(tenant, UnmatchedPayment.open(incoming));
            tally.add(payment, reference, OcrImportReport.Outcome.UNMATCHED, resolved.why);
            tally.unmatched++;
            return;
        }
        TenantNumbers.StepRef step = resolved.step;
        IncomingPayment incoming = new IncomingPayment(PaymentSource.OCR_GIRO, reference, kind, payment.amountOre(),
                receivedAt, resolved.contactId, payer,
                new Attribution(step.journeyId(), step.version(), step.stepId(), null, null), payment.message());
        PaymentRegistrar.Registration registration = registrar.register(tenant, incoming);
        if (registration.isNew()) {
            tally.registered++;
            tally.registeredAmountOre += payment.amountOre();
            tally.add(payment, reference, OcrImportReport.Outcome.REGISTERED, null);
        } else {
            tally.alreadyRegistered++;
            tally.add(payment, reference, OcrImportReport.Outcome.ALREADY_REGISTERED, null);
        }
    }

    private record Resolved(String contactId, TenantNumbers.StepRef step, String why) {}

    private Resolved resolve(TenantId tenant, KidMethod method, String kid) {
        if (kid == null) {
            return new Resolved(null, null, "no KID");
        }
        Optional<KidLayout.Parts> parts = KidLayout.parse(kid, method);
        if (parts.isEmpty()) {
            return new Resolved(null, null, "invalid KID");
        }
        Optional<String> contact = numbers.contactId(tenant, parts.get().contactNumber());
        Optional<TenantNumbers.StepRef> step = numbers.step(tenant, parts.get().stepNumber());
        if (contact.isEmpty() || step.isEmpty()) {
            return new Resolved(null, null, "unknown KID");
        }
        return new Resolved(contact.get(), step.get(), null);
    }

    /** Noon in Oslo on the Nets date: the file says the day, not the hour. */
    static Instant receivedAt(LocalDate netsDate) {
        return netsDate.atTime(RECEIVED_AT).atZone(OsloTime.ZONE).toInstant();
    }

    static Set<String> invoiceAccounts(Tenant tenant) {
        Optional<String> setting = tenant.setting(INVOICE_ACCOUNTS_SETTING);
        if (setting.isEmpty()) {
            return Set.of();
        }
        Set<String> accounts = java.util.Arrays.stream(setting.get().split(","))
                .map(String::strip).filter(account -> !account.isEmpty()).collect(Collectors.toSet());
        if (!accounts.stream().allMatch(account -> ACCOUNT.matcher(account).matches())) {
            throw new PermanentFailure("the tenant's " + INVOICE_ACCOUNTS_SETTING
                    + " must be 11-digit account numbers separated by commas");
        }
        return accounts;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** What the payments became, as they are taken. */
    private static final class Tally {
        final List<OcrImportReport.Item> items = new ArrayList<>();
        int registered;
        int alreadyRegistered;
        int unmatched;
        int skipped;
        long registeredAmountOre;

        void add(OcrPayment payment, String reference, OcrImportReport.Outcome outcome, String why) {
            items.add(new OcrImportReport.Item(payment.line(), reference, outcome, why));
        }

        void skip(OcrPayment payment, String reference, String why) {
            skipped++;
            add(payment, reference, OcrImportReport.Outcome.SKIPPED, why);
        }
    }
}
