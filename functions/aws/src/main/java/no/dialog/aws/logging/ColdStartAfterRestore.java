package no.dialog.aws.logging;

import jakarta.inject.Singleton;
import no.dialog.aws.snapstart.RestoreHook;

/** An instance restored from a SnapStart snapshot starts cold: its first invocation logs cold_start true. */
@Singleton
public class ColdStartAfterRestore implements RestoreHook {

    @Override
    public void afterRestore() {
        LogContext.restored();
    }
}
