package no.dialog.adminapi;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a controller method's {@link StaffIdentity} parameter to the caller {@link StaffRoleFilter}
 * verified. A method that takes one must carry {@link StaffOnly}; without it there is no caller and the
 * route fails (a programming error, caught by the route's tests).
 */
@Singleton
final class StaffIdentityBinder implements TypedRequestArgumentBinder<StaffIdentity> {

    @Override
    public Argument<StaffIdentity> argumentType() {
        return Argument.of(StaffIdentity.class);
    }

    @Override
    public BindingResult<StaffIdentity> bind(ArgumentConversionContext<StaffIdentity> context, HttpRequest<?> source) {
        Optional<StaffIdentity> caller = source.getAttribute(StaffRoleFilter.CALLER, StaffIdentity.class);
        return () -> caller;
    }
}
