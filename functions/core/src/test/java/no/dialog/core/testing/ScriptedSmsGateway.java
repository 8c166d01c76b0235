package no.dialog.core.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;

/**
 * An SMS gateway that records every call and answers from a script (one answer per call, then
 * accepting). An answer may throw, as the real gateway does.
 */
public final class ScriptedSmsGateway implements SmsGateway {

    private final List<SmsMessage> calls = new ArrayList<>();
    private final Deque<Function<SmsMessage, SmsReceipt>> script = new ArrayDeque<>();

    public ScriptedSmsGateway then(Function<SmsMessage, SmsReceipt> answer) {
        script.add(answer);
        return this;
    }

    @Override
    public synchronized SmsReceipt send(SmsMessage message) {
        calls.add(message);
        Function<SmsMessage, SmsReceipt> answer = script.poll();
        return answer == null ? new SmsReceipt("msg-" + calls.size(), null) : answer.apply(message);
    }

    public List<SmsMessage> calls() {
        return List.copyOf(calls);
    }
}
