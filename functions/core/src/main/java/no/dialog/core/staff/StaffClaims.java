package no.dialog.core.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.tenant.TenantId;

/**
 * The claims a staff token carries, from the identity provider's groups (docs/adr/0023): the rule the
 * sign-in trigger applies, so that the admin API can trust {@code tenant} and {@code roles}.
 *
 * <p>Groups are named {@code <tenant>:<role>} ({@code demo:admin}, {@code redcross:viewer}) plus the one group
 * {@code platform-admin}. Only the pool's administrators put people in groups, so a group is a verified fact;
 * the person's chosen organisation ({@code custom:tenant}, which they may change) is only a wish, honoured
 * when they hold a role there:
 * <ul>
 *   <li>roles in one organisation: that organisation, whatever was chosen;</li>
 *   <li>roles in several: the chosen one; none chosen, or one without a role: no tenant claim (the admin API
 *       answers 401 and the UI asks the person to pick, then refreshes the token);</li>
 *   <li>{@code platform-admin} is added to {@code roles} whatever the tenant.</li>
 * </ul>
 *
 * <pre>{@code StaffClaims.from(List.of("demo:editor", "demo:viewer", "other:admin"), "other")
 *     → tenant "other", roles [admin]}</pre>
 *
 * @param tenant the organisation the token is for; empty when none can be chosen
 * @param roles  the roles in that organisation, plus platform-admin
 * @param organisations every organisation the person holds a role in (for the UI's choice)
 */
public record StaffClaims(Optional<TenantId> tenant, List<String> roles, List<TenantId> organisations) {

    /** The group that makes a person the platform's operator. */
    public static final String PLATFORM_ADMIN_GROUP = StaffRole.PLATFORM_ADMIN.claim();

    public StaffClaims {
        roles = List.copyOf(roles);
        organisations = List.copyOf(organisations);
    }

    /** The group name for a role in an organisation: {@code demo:admin}. */
    public static String group(TenantId tenant, StaffRole role) {
        if (!role.perOrganisation()) {
            throw new IllegalArgumentException(role.claim() + " is not held per organisation");
        }
        return tenant.value() + ":" + role.claim();
    }

    /**
     * @param groups the person's groups; names that are neither {@code <tenant>:<role>} nor platform-admin are
     *               ignored (a pool may have groups for other purposes)
     * @param chosen the organisation the person chose, or null/blank
     */
    public static StaffClaims from(Collection<String> groups, String chosen) {
        Map<TenantId, Set<StaffRole>> byTenant = new LinkedHashMap<>();
        boolean platformAdmin = false;
        for (String group : groups) {
            if (PLATFORM_ADMIN_GROUP.equals(group)) {
                platformAdmin = true;
                continue;
            }
            int colon = group == null ? -1 : group.lastIndexOf(':');
            if (colon <= 0 || !TenantId.isValid(group.substring(0, colon))) {
                continue;
            }
            Optional<StaffRole> role = StaffRole.fromClaim(group.substring(colon + 1)).filter(StaffRole::perOrganisation);
            role.ifPresent(r -> byTenant.computeIfAbsent(TenantId.of(group.substring(0, colon)),
                    t -> new LinkedHashSet<>()).add(r));
        }
        Optional<TenantId> tenant = Optional.empty();
        if (byTenant.size() == 1) {
            tenant = Optional.of(byTenant.keySet().iterator().next());
        } else if (chosen != null && TenantId.isValid(chosen.strip()) && byTenant.containsKey(TenantId.of(chosen.strip()))) {
            tenant = Optional.of(TenantId.of(chosen.strip()));
        }
        List<String> roles = new ArrayList<>();
        tenant.ifPresent(t -> {
            for (StaffRole role : StaffRole.values()) {
                if (byTenant.get(t).contains(role)) {
                    roles.add(role.claim());
                }
            }
        });
        if (platformAdmin) {
            roles.add(PLATFORM_ADMIN_GROUP);
        }
        return new StaffClaims(tenant, roles, new ArrayList<>(byTenant.keySet()));
    }
}
