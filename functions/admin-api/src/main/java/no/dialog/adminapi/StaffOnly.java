package no.dialog.adminapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a route needs, on the controller method: {@code @StaffOnly(value = Access.WRITE, what = "segments")}.
 * {@link StaffRoleFilter} checks it before the method runs (401 without a verified staff token, 403 without
 * the role, both problem details), and the method takes the caller as a {@link StaffIdentity} parameter.
 * The rule itself stays {@link StaffAccess}'s, which methods not yet converted still call by hand.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StaffOnly {

    /** What the caller does: read (viewer, editor, admin), write (editor, admin) or administer (admin). */
    Access value();

    /** What is read or changed, for the 403 detail ("changing segments needs ..."). */
    String what();

    /** The kinds of access {@link StaffAccess} knows; each maps to one of its checks. */
    enum Access {
        READ,
        WRITE,
        ADMINISTER
    }
}
