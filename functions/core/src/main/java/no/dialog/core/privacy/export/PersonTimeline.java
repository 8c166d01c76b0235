package no.dialog.core.privacy.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.landing.MaskedValues;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendKeys;

/**
 * The events of a {@link PersonExport} in time order, newest first: the same facts, told for staff. Summaries
 * name ids, states, questions and amounts, and show contact values only masked ({@link MaskedValues}): a
 * timeline is read by every viewer, the export only by admins. Events at the same instant are ordered by id,
 * so the order (and a page cut after an id) is stable. An erased person's timeline is the erasure alone.
 *
 * <p>Leaving a journey has no event: an enrolment keeps why it ended but not when.
 */
public final class PersonTimeline {

    static final Comparator<TimelineEvent> NEWEST_FIRST =
            Comparator.comparing(TimelineEvent::at).reversed().thenComparing(TimelineEvent::id);

    private PersonTimeline() {}

    public static List<TimelineEvent> of(PersonExport export) {
        List<TimelineEvent> events = new ArrayList<>();
        if (export.isErased()) {
            events.add(new TimelineEvent("erased", export.erasedAt(), "erased", null, null,
                    "erased: only the tombstone is kept"));
            return events;
        }
        if (export.contact() != null) {
            contact(export.contact(), events);
        }
        if (export.deletedAt() != null) {
            events.add(new TimelineEvent("deleted", export.deletedAt(), "deleted", null, null,
                    "deleted by the register; the other stores keep what they hold until it expires or is erased"));
        }
        for (LedgerEntry message : export.messages()) {
            String journeyId = SendKeys.parse(message.key()).flatMap(SendKeys.SendKey::journeyId).orElse(null);
            String parts = message.parts() == null ? "" : " (" + message.parts() + (message.parts() == 1 ? " part)" : " parts)");
            events.add(new TimelineEvent("message:" + message.key(), message.createdAt(), "message", message.channel(),
                    journeyId, channelName(message.channel()) + " message, " + lower(message.state().name())
                    + parts));
        }
        for (PersonExport.StagedRunItem item : export.runItems()) {
            events.add(new TimelineEvent("run:" + item.runId() + ":" + item.key(), item.stagedAt(), "run-item",
                    item.channel(), item.journeyId(), channelName(item.channel()) + " line in run " + item.runId()
                    + " (" + lower(item.runStatus()) + (item.files().isEmpty() ? "" : ", files " + String.join(", ",
                    item.files().stream().map(PersonExport.FileRef::name).toList())) + ")"));
        }
        for (PersonExport.LinkRecord link : export.links()) {
            if (link.firstUsedAt() != null) {
                String sealed = link.sealed().isEmpty() ? "" : "; a national identity number is held, sealed";
                // Submission ids are unique; a link visited again on a loop has its own.
                String id = "answer:" + (link.submissions().isEmpty()
                        ? link.enrolmentId() + ":" + link.stepId() + ":" + link.expiresAt().getEpochSecond()
                        : String.join(",", link.submissions()));
                events.add(new TimelineEvent(id, link.firstUsedAt(),
                        "answer", null, link.journeyId(), "landing page answered (" + link.submissions().size()
                        + (link.submissions().size() == 1 ? " submission" : " submissions") + ") from step "
                        + link.stepId() + sealed));
            }
        }
        for (Enrolment enrolment : export.enrolments()) {
            enrolment(enrolment, events);
        }
        for (RegisteredPayment payment : export.payments()) {
            events.add(new TimelineEvent("payment:" + payment.paymentId(), payment.receivedAt(), "payment", null,
                    payment.attribution() == null ? null : payment.attribution().journeyId(),
                    payment.kind().jsonName() + " of " + kroner(payment.amountOre()) + " via "
                    + payment.source().jsonName()));
        }
        for (PersonExport.GiverCandidate candidate : export.giverCandidates()) {
            events.add(new TimelineEvent("candidate:" + candidate.candidateId(), candidate.createdAt(),
                    "giver-candidate", null, null, "giver candidate made from phone "
                    + MaskedValues.phone(candidate.phone())));
        }
        events.sort(NEWEST_FIRST);
        return events;
    }

    private static void contact(Contact contact, List<TimelineEvent> events) {
        if (contact.updatedAt() != null) {
            List<String> shown = new ArrayList<>();
            if (contact.phone() != null) {
                shown.add("phone " + MaskedValues.phone(contact.phone()));
            }
            if (contact.email() != null) {
                shown.add("e-mail " + MaskedValues.email(contact.email()));
            }
            if (contact.address() != null && contact.address().street() != null) {
                shown.add("address " + MaskedValues.street(contact.address().street()));
            }
            events.add(new TimelineEvent("contact", contact.updatedAt(), "contact-updated", null, null,
                    "register record updated" + (shown.isEmpty() ? "" : ": " + String.join(", ", shown))));
        }
        for (Map.Entry<Channel, Consent> consent : contact.consents().entrySet()) {
            Consent c = consent.getValue();
            if (c.at() != null) {
                String channel = consent.getKey().jsonName();
                events.add(new TimelineEvent("consent:" + channel, c.at(), "consent", channel, null,
                        (c.granted() ? "consent given" : "consent withdrawn") + " for " + channel
                        + (c.source() == null ? "" : " (source " + c.source() + ")")));
            }
        }
    }

    private static void enrolment(Enrolment e, List<TimelineEvent> events) {
        events.add(new TimelineEvent("enrolled:" + e.enrolmentId(), e.enrolledAt(), "enrolled", null, e.journeyId(),
                "entered journey " + e.journeyId() + " version " + e.version() + "; now " + lower(e.state().name())
                + " at step " + e.stepId() + (e.exitReason() == null ? "" : " (" + e.exitReason() + ")")));
        if (e.goalReachedAt() != null) {
            events.add(new TimelineEvent("goal:" + e.enrolmentId(), e.goalReachedAt(), "goal-reached", null,
                    e.journeyId(), "reached the goal of journey " + e.journeyId()));
        }
        List<Enrolment.ReceivedSignal> received = e.received();
        for (int i = 0; i < received.size(); i++) {
            Enrolment.ReceivedSignal signal = received.get(i);
            String question = signal.attributes().get("question");
            events.add(new TimelineEvent("signal:" + e.enrolmentId() + ":" + i, signal.at(), "response", null,
                    e.journeyId(), signal.type() + (question == null ? "" : " question " + question)));
        }
    }

    private static String channelName(String channel) {
        return channel == null ? "unknown channel" : channel;
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** 12345 øre → {@code 123.45 kr}. */
    private static String kroner(long ore) {
        return String.format(java.util.Locale.ROOT, "%d.%02d kr", ore / 100, Math.abs(ore % 100));
    }
}
