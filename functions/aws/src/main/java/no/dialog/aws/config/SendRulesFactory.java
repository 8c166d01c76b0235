package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.dialog.core.compliance.NorwegianSendRules;
import no.dialog.core.send.SendRules;

/**
 * The rules every sender function checks at send time (one bean for all of them: the local stack shares a
 * classpath): reachability, do-not-contact, consent and reservations, quiet hours and the calling window
 * ({@link NorwegianSendRules}, ADR 0008).
 */
@Factory
public class SendRulesFactory {

    @Singleton
    SendRules sendRules() {
        return new NorwegianSendRules();
    }
}
