package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.dialog.core.compliance.ReachabilityOnlyRules;
import no.dialog.core.send.SendRules;

/** The rules every sender function checks at send time (one bean for all of them: the local stack shares a classpath). */
@Factory
public class SendRulesFactory {

    @Singleton
    SendRules sendRules() {
        return new ReachabilityOnlyRules();
    }
}
