package no.dialog.aws.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.core.staff.StaffClaims;
import no.dialog.core.staff.StaffDirectory;
import no.dialog.core.staff.StaffRole;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * {@link StaffDirectory} on the template's Cognito user pool ({@code STAFF_USER_POOL_ID}, set when
 * {@code IdentityProvider=cognito}). A role is membership of the group {@code <tenant>:<role>}
 * ({@link StaffClaims}, docs/adr/0023), made here on first use; a new user gets Cognito's invitation e-mail
 * with a temporary password. Users sign in with their e-mail address (the pool's username attribute).
 */
@Singleton
@Requires(classes = CognitoIdentityProviderClient.class)
@Requires(property = "staff.user-pool-id", pattern = ".+")
public class CognitoStaffDirectory implements StaffDirectory {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoStaffDirectory(CognitoIdentityProviderClient cognito, @Value("${staff.user-pool-id}") String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public boolean invite(TenantId tenant, String email, StaffRole role) {
        String group = StaffClaims.group(tenant, role);
        try {
            try {
                cognito.createGroup(b -> b.userPoolId(userPoolId).groupName(group)
                        .description(role.claim() + " of organisation " + tenant.value()));
            } catch (GroupExistsException exists) {
                // Made for an earlier member of the organisation: nothing to do.
            }
            boolean created;
            try {
                cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(email)
                        .userAttributes(attribute("email", email), attribute("email_verified", "true"))
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
                created = true;
            } catch (UsernameExistsException exists) {
                created = false;
            }
            cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(email).groupName(group));
            return created;
        } catch (CognitoIdentityProviderException e) {
            // The error code only: Cognito's messages may repeat the username, which is an e-mail address.
            throw new StaffDirectoryUnavailable("the staff user pool answered " + e.awsErrorDetails().errorCode(), e);
        } catch (SdkException e) {
            throw new StaffDirectoryUnavailable("the staff user pool could not be reached", e);
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
