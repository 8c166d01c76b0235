package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.time.OsloTime;

/**
 * The clock core reads time from: the system clock in Europe/Oslo. It is {@link Secondary} so that
 * whoever builds the application context can register another one (the local stack's clock, which
 * can be moved forward, or a fixed clock in tests).
 */
@Factory
public class ClockFactory {

    @Singleton
    @Secondary
    Clock clock() {
        return OsloTime.systemClock();
    }
}
