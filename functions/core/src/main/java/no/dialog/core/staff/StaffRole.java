package no.dialog.core.staff;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a member of staff may do. {@link #VIEWER}, {@link #EDITOR} and {@link #ADMIN} are held per organisation
 * (a person may be admin in one and viewer in another); {@link #PLATFORM_ADMIN} is the operator's, across
 * organisations, and gives no right inside one.
 *
 * <ul>
 *   <li>viewer: reads definitions, results and contacts; downloads no file with personal data;</li>
 *   <li>editor: also writes segments, templates and journeys, activates journeys, downloads run files;</li>
 *   <li>admin: also changes settings, provider credentials and users, and erases people;</li>
 *   <li>platform-admin: creates organisations.</li>
 * </ul>
 */
public enum StaffRole {
    VIEWER("viewer"),
    EDITOR("editor"),
    ADMIN("admin"),
    PLATFORM_ADMIN("platform-admin");

    private final String claim;

    StaffRole(String claim) {
        this.claim = claim;
    }

    /** The name in tokens ({@code roles} claim) and group names. */
    public String claim() {
        return claim;
    }

    /** Whether the role is held per organisation (all but platform-admin). */
    public boolean perOrganisation() {
        return this != PLATFORM_ADMIN;
    }

    public static Optional<StaffRole> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }
}
