package no.dialog.core.contact;

import java.time.LocalDate;

/**
 * One membership of a person in the organisation, as the member register knows it.
 *
 * @param type      the organisation's membership type, e.g. {@code ordinary}, {@code student}, {@code family}
 * @param status    active, lapsed, ended or pending
 * @param start     first day of the membership
 * @param end       last day, if it has ended or will end
 * @param paidUntil the date the membership fee is paid up to
 * @param chapter   local chapter (lokallag), if the organisation has them
 * @param examDate  for students: the expected exam (graduation) date
 */
public record Membership(
        String type,
        MembershipStatus status,
        LocalDate start,
        LocalDate end,
        LocalDate paidUntil,
        String chapter,
        LocalDate examDate) {}
