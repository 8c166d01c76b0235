package no.dialog.local.lambda;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps test output readable: without a logback configuration every library (ElasticMQ, Pekko, the
 * AWS SDK) logs at DEBUG. Our own packages stay at DEBUG so their lines show when a test fails.
 */
public final class TestLogging {

  private TestLogging() {}

  public static void quiet() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      context.getLogger("no.dialog").setLevel(Level.DEBUG);
      context.getLogger("lambda").setLevel(Level.INFO);
    }
  }
}
