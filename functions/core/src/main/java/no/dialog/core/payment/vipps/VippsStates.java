package no.dialog.core.payment.vipps;

import java.util.Locale;
import java.util.Map;

/**
 * The order of the states a Vipps payment or agreement passes through, so that a state never moves
 * backwards: a late or repeated {@code AUTHORIZED} does not undo {@code CAPTURED}, a late
 * {@code ACTIVE} does not undo {@code STOPPED}. States of the same rank (ends that exclude each other,
 * such as {@code ABORTED} and {@code EXPIRED}) do not replace each other: the first one stays.
 */
public final class VippsStates {

    /** ePayment: created → authorised or ended unpaid → captured (or the rest cancelled) → refunded. */
    private static final Map<String, Integer> PAYMENT = Map.of(
            "CREATED", 0,
            "AUTHORIZED", 1,
            "ABORTED", 2, "EXPIRED", 2, "TERMINATED", 2, "CANCELLED", 2,
            "CAPTURED", 3,
            "REFUNDED", 4);

    /** Recurring agreement: pending → active or rejected → stopped or expired. */
    private static final Map<String, Integer> AGREEMENT = Map.of(
            "PENDING", 0,
            "ACTIVE", 1, "REJECTED", 1,
            "STOPPED", 2, "EXPIRED", 2);

    /** Recurring charge: Dialog created it (due) → reserved → captured, or it ended without money → refunded. */
    private static final Map<String, Integer> CHARGE = Map.of(
            "DUE", 0, "PENDING", 0,
            "RESERVED", 1,
            "CAPTURED", 2, "CANCELED", 2, "FAILED", 2, "CREATION_FAILED", 2,
            "REFUNDED", 3);

    private VippsStates() {}

    /** True when a payment in {@code current} may move to {@code next}. */
    public static boolean paymentMoves(String current, String next) {
        return moves(PAYMENT, current, next);
    }

    public static boolean agreementMoves(String current, String next) {
        return moves(AGREEMENT, current, next);
    }

    public static boolean chargeMoves(String current, String next) {
        return moves(CHARGE, current, next);
    }

    private static boolean moves(Map<String, Integer> order, String current, String next) {
        Integer to = order.get(next.toUpperCase(Locale.ROOT));
        if (to == null) {
            return false;
        }
        Integer from = current == null ? null : order.get(current.toUpperCase(Locale.ROOT));
        return from == null || to > from;
    }
}
