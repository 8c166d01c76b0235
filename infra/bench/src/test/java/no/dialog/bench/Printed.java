package no.dialog.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a benchmark run prints on standard output, kept for the smoke test's assertions and echoed to the
 * real output as it comes (but the senders' EMF metric lines, as {@code infra/bench/run sms} leaves them out).
 */
final class Printed {

    /** A benchmark run that prints. */
    interface Run<T> {
        T run() throws Exception;
    }

    /** The run's result and what it printed. */
    record Output<T>(T result, String text) {}

    private Printed() {}

    static <T> Output<T> capture(Run<T> run) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new Echo(kept, original), true, StandardCharsets.UTF_8);
        System.setOut(tee);
        T result;
        try {
            result = run.run();
        } finally {
            tee.flush();
            System.setOut(original);
        }
        return new Output<>(result, kept.toString(StandardCharsets.UTF_8));
    }

    /** Keeps every line; echoes those that are not EMF metrics. */
    private static final class Echo extends OutputStream {
        private final ByteArrayOutputStream kept;
        private final PrintStream echo;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Echo(ByteArrayOutputStream kept, PrintStream echo) {
            this.kept = kept;
            this.echo = echo;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                endLine();
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                endLine();
            }
            echo.flush();
        }

        private void endLine() {
            byte[] bytes = line.toByteArray();
            line.reset();
            if (!new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.UTF_8).startsWith("{\"_aws\"")) {
                kept.write(bytes, 0, bytes.length);
                echo.write(bytes, 0, bytes.length);
            }
        }
    }
}
