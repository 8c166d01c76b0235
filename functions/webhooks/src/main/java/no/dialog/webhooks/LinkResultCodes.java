package no.dialog.webhooks;

import java.util.Set;

/**
 * LINK's delivery report result codes (SMS REST API, "Result Codes"), sorted into what a journey cares
 * about. Codes LINK calls temporary (1000 sent to operator, 1005 queued, 1008, 1011-1013) and final codes
 * with unknown delivery (4, 5, 1010) change nothing for the person; 1002 is an expiry; every other final code
 * is a failure. An expiry is a failure to the journey too; only the results tell it apart.
 */
enum LinkResultCodes {
    DELIVERED, FAILED, EXPIRED, PENDING;

    /** 1002: the message expired (its validity passed) before the operator could deliver it. Final, not billed. */
    private static final int EXPIRED_CODE = 1002;

    /** 1001 delivered (and billed); 1007 delivered, billing delayed. */
    private static final Set<Integer> DELIVERED_CODES = Set.of(1001, 1007);
    private static final Set<Integer> PENDING_CODES = Set.of(1000, 1005, 1008, 1011, 1012, 1013, 4, 5, 1010);

    static LinkResultCodes of(int resultCode) {
        if (DELIVERED_CODES.contains(resultCode)) {
            return DELIVERED;
        }
        if (resultCode == EXPIRED_CODE) {
            return EXPIRED;
        }
        return PENDING_CODES.contains(resultCode) ? PENDING : FAILED;
    }
}
