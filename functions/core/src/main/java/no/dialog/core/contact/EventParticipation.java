package no.dialog.core.contact;

import java.time.LocalDate;

/** A person's participation in one of the organisation's events (meetings, courses, actions). */
public record EventParticipation(String eventId, String name, LocalDate date, ParticipationStatus status) {}
