package no.dialog.aws.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The functions' logging, configured in code rather than in a logback.xml: one JSON object per line on standard
 * output in Powertools' keys ({@link PowertoolsJsonEncoder}; CloudWatch Logs Insights reads the fields). The log
 * context ({@link LogContext}) carries service, function_request_id, correlation_id, cold_start, xray_trace_id,
 * tenant, message_id and import_id; messages never carry personal data. In code because reading an XML configuration loads an XML parser
 * and logback's configuration model, a few hundred classes, at every cold start.
 *
 * <p>An explicit configuration wins: where the classpath has a {@code logback.xml} or {@code logback-test.xml}
 * (the local stack, tests), logback reads that as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class JsonLinesConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = JsonLinesConfigurator.class.getClassLoader();
        if (loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PowertoolsJsonEncoder encoder = new PowertoolsJsonEncoder();
        encoder.setContext(context);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("JSON");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        context.getLogger("io.micronaut").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
