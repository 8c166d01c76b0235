package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A function for tests: records every event and context, and answers through a small lambda. */
public final class FakeFunction implements LocalFunction {

  /** What the fake does with an event. */
  @FunctionalInterface
  public interface Behaviour {
    Object handle(Object event, Context context) throws Exception;
  }

  private final String name;
  private final Behaviour behaviour;
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private final List<Context> contexts = new CopyOnWriteArrayList<>();

  public FakeFunction(String name, Behaviour behaviour) {
    this.name = name;
    this.behaviour = behaviour;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration timeout() {
    return Duration.ofSeconds(30);
  }

  @Override
  public Object invoke(Object event, Context context) throws Exception {
    events.add(event);
    contexts.add(context);
    return behaviour.handle(event, context);
  }

  public List<Object> events() {
    return events;
  }

  public List<Context> contexts() {
    return contexts;
  }
}
