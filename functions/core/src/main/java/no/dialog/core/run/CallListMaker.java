package no.dialog.core.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.template.MergeFields;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;

/**
 * Writes a telemarketing run's call list for the call centre (Dialog Norge): one CSV with only the people
 * who may be called now. The {@link SendRules}' telemarketing verdict is asked again for each person when
 * the file is written (people may have reserved themselves, said "do not contact" or lost their number
 * since the send): refused or unreachable people are left out; if the calling window is closed for anyone,
 * the whole list waits for it to open, so the call centre never gets a list it may not use yet.
 *
 * <p>Columns: {@code reference} (the callback reference to return with the outcome), {@code contactId},
 * {@code firstName}, {@code lastName}, {@code phone} (E.164), {@code script} (the rendered call script),
 * then the merge fields the script uses, as {@code field.<name>}.
 */
public final class CallListMaker implements RunFileMaker {

    public static final String FILE_NAME = "call-list.csv";
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private final TenantDirectory tenants;
    private final ContactStore contacts;
    private final SendRules rules;
    private final RunFileStore files;

    public CallListMaker(TenantDirectory tenants, ContactStore contacts, SendRules rules, RunFileStore files) {
        this.tenants = Objects.requireNonNull(tenants);
        this.contacts = Objects.requireNonNull(contacts);
        this.rules = Objects.requireNonNull(rules);
        this.files = Objects.requireNonNull(files);
    }

    @Override
    public SendChannel channel() {
        return SendChannel.TELEMARKETING;
    }

    /** One person to call, with the contact as it is now. */
    record Callable(RunItem item, Contact contact) {}

    @Override
    public RunOutput make(Run run, List<RunItem> items, Instant now) {
        Tenant tenant = tenants.find(run.ref().tenant())
                .orElseThrow(() -> new IllegalStateException("run of an unknown tenant " + run.ref().tenant()));
        List<Callable> callable = new ArrayList<>();
        Instant waitUntil = null;
        for (RunItem item : items) {
            Optional<Contact> contact = contacts.find(run.ref().tenant(), item.contactId());
            if (contact.isEmpty()) {
                continue;
            }
            SendVerdict verdict = rules.check(tenant, contact.get(), SendChannel.TELEMARKETING, now);
            if (verdict instanceof SendVerdict.Allowed) {
                callable.add(new Callable(item, contact.get()));
            } else if (verdict instanceof SendVerdict.NotBefore later
                    && (waitUntil == null || later.at().isAfter(waitUntil))) {
                waitUntil = later.at();
            }
        }
        if (waitUntil != null) {
            return RunOutput.waitUntil(waitUntil);
        }
        byte[] csv = callList(callable);
        RunFile file = files.put(run.ref(), FILE_NAME, csv, CONTENT_TYPE);
        return RunOutput.written(List.of(file), callable.size(), items.size() - callable.size());
    }

    static byte[] callList(List<Callable> people) {
        Set<String> scriptFields = new LinkedHashSet<>();
        for (String name : MergeFields.NAMES) {
            for (Callable person : people) {
                if (person.item().fields().containsKey(CallListItems.FIELD_PREFIX + name)) {
                    scriptFields.add(CallListItems.FIELD_PREFIX + name);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("reference", "contactId", "firstName", "lastName", "phone",
                "script"));
        header.addAll(scriptFields);
        CsvWriter csv = CsvWriter.forPeople(header);
        for (Callable person : people) {
            RunItem item = person.item();
            List<String> row = new ArrayList<>(List.of(item.key(), item.contactId(),
                    item.field(CallListItems.FIRST_NAME), item.field(CallListItems.LAST_NAME),
                    // The number as it is now: it may have changed since the send.
                    person.contact().phone(), item.field(CallListItems.SCRIPT)));
            for (String field : scriptFields) {
                row.add(item.field(field));
            }
            csv.row(row);
        }
        return csv.toBytes();
    }
}
