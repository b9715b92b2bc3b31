package io.synaptor.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Two contenders timed in alternating pairs, each pair back to back: this machine's speed drifts
 * by tens of percent over seconds (another tenant, the host), and two runs next to each other see
 * the same drift. The ratio reported is the median over pairs of (first's time / second's time),
 * with the lowest and highest pair beside it, so a reader sees the spread instead of one lucky draw.
 */
final class SideBySide {
    private final double[] first;
    private final double[] second;
    private int pairs;

    SideBySide(int capacity) {
        first = new double[capacity];
        second = new double[capacity];
    }

    void add(double firstSeconds, double secondSeconds) {
        first[pairs] = firstSeconds;
        second[pairs] = secondSeconds;
        pairs++;
    }

    double medianFirst() {
        return median(Arrays.copyOf(first, pairs));
    }

    double medianSecond() {
        return median(Arrays.copyOf(second, pairs));
    }

    /** The median over pairs of first / second. */
    double ratio() {
        return median(ratios());
    }

    /** "lowest … highest" of the pairs' ratios, each times {@code scale}. */
    String spread(double scale) {
        double[] r = ratios();
        for (int k = 0; k < r.length; k++) r[k] *= scale;
        Arrays.sort(r);
        return String.format(Locale.ROOT, "%.2f … %.2f", r[0], r[r.length - 1]);
    }

    private double[] ratios() {
        double[] r = new double[pairs];
        for (int k = 0; k < pairs; k++) r[k] = first[k] / second[k];
        return r;
    }

    static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
