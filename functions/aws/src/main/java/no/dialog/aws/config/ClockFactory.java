package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import no.dialog.core.time.OsloTime;

/**
 * The clock core reads time from: the system clock in Europe/Oslo. It is {@link Secondary} so that
 * whoever builds the application context can register another one (a fixed clock in tests, the local
 * stack's clock for functions it runs in its own JVM).
 *
 * <p>When {@code DIALOG_LOCAL_CLOCK_FILE} is set (only the local stack sets it, for functions it runs from
 * their jars in their own JVMs), time is the system time plus the offset in that file, so moving the local
 * clock forward moves every function's clock with it. See {@link SharedOffsetClock}.
 */
@Factory
public class ClockFactory {

    @Singleton
    @Secondary
    Clock clock(@Value("${dialog.local.clock.file:}") String localClockFile) {
        return localClockFile.isBlank()
                ? OsloTime.systemClock()
                : SharedOffsetClock.reading(Path.of(localClockFile), OsloTime.ZONE);
    }
}
