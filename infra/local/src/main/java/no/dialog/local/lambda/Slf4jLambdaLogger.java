package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LambdaLogger} handed to functions run by the local stack: it writes to SLF4J under the
 * logger name {@code lambda.<function-name>}, so a function's log lines can be filtered like any other
 * logger's. Lines without a level go out at INFO, as in CloudWatch.
 */
public final class Slf4jLambdaLogger implements LambdaLogger {

  private final Logger logger;

  public Slf4jLambdaLogger(String functionName) {
    this.logger = LoggerFactory.getLogger("lambda." + functionName);
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    log(new String(message, StandardCharsets.UTF_8), level);
  }

  @Override
  public void log(String message, LogLevel level) {
    String line = stripTrailingNewline(message);
    switch (level == null ? LogLevel.UNDEFINED : level) {
      case TRACE -> logger.trace(line);
      case DEBUG -> logger.debug(line);
      case WARN -> logger.warn(line);
      case ERROR, FATAL -> logger.error(line);
      default -> logger.info(line);
    }
  }

  // Handlers often log with println-style trailing newlines; SLF4J appenders add their own.
  private static String stripTrailingNewline(String message) {
    if (message == null) {
      return "null";
    }
    int end = message.length();
    while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
      end--;
    }
    return message.substring(0, end);
  }
}
