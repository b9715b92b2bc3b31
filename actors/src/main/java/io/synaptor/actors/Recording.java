package io.synaptor.actors;

import java.util.Arrays;
import java.util.List;

/**
 * What the monitors of one simulation recorded, gathered by the probe: R record times (absolute
 * virtual time in steps, and the episode each belongs to — a time shared by two monitored
 * episodes, the end of one and the start of the next, appears once for each), the recorded units'
 * states (real part; R × U × B, B the examples of a minibatch) and the recorded couplings' weights
 * (R × S), both row-major.
 */
public record Recording(int[] units, int[] synapses, int examples, long[] times, long[] episodes,
                        double[] states, double[] weights) {
    public static final Recording EMPTY = new Recording(new int[0], new int[0], 0, new long[0], new long[0], new double[0], new double[0]);

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** Puts the actors' samples side by side (every actor records at the same times: one grid from the spec). */
    static Recording merge(List<ProbeActor.Recorded> parts) {
        if (parts.isEmpty()) return EMPTY;
        ProbeActor.Recorded first = parts.get(0);
        int r = first.times().length;
        int examples = parts.stream().filter(p -> !p.weights()).mapToInt(ProbeActor.Recorded::examples).max().orElse(0);
        int[] units = parts.stream().filter(p -> !p.weights()).flatMapToInt(p -> Arrays.stream(p.ids())).sorted().toArray();
        int[] synapses = parts.stream().filter(ProbeActor.Recorded::weights).flatMapToInt(p -> Arrays.stream(p.ids())).sorted().toArray();
        double[] states = new double[r * units.length * examples];
        double[] weights = new double[r * synapses.length];
        for (ProbeActor.Recorded p : parts) {
            if (!Arrays.equals(p.times(), first.times()) || !Arrays.equals(p.episodes(), first.episodes())) {
                throw new IllegalStateException("the monitors recorded at different times (a bug: please report it)");
            }
            int[] all = p.weights() ? synapses : units;
            int width = p.weights() ? 1 : examples;
            int n = p.ids().length;
            for (int k = 0; k < n; k++) {
                int column = Arrays.binarySearch(all, p.ids()[k]);
                for (int q = 0; q < r; q++) {
                    System.arraycopy(p.values(), (q * n + k) * width, p.weights() ? weights : states,
                            (q * all.length + column) * width, width);
                }
            }
        }
        return new Recording(units, synapses, examples, first.times(), first.episodes(), states, weights);
    }
}
