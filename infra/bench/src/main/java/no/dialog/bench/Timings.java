package no.dialog.bench;

import java.util.Arrays;

/** Run times of one measurement, in milliseconds. */
final class Timings {

    private final double[] millis;
    private int size;

    Timings(int runs) {
        millis = new double[runs];
    }

    void add(long startNanos) {
        millis[size++] = (System.nanoTime() - startNanos) / 1e6;
    }

    /** The runs' time together, in seconds. */
    double totalSeconds() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += millis[i];
        }
        return sum / 1e3;
    }

    double median() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    String show() {
        return median() < 10 ? String.format("%.1f / %.1f", median(), p95()) : String.format("%.0f / %.0f", median(), p95());
    }

    private double percentile(int p) {
        double[] sorted = Arrays.copyOf(millis, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))];
    }
}
