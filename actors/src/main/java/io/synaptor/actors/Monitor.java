package io.synaptor.actors;

import java.util.Arrays;

/**
 * What a run records besides its results, as Brian2's StateMonitor and NEST's multimeter do: the
 * states of some units and the weights of some couplings, every {@code every} steps of virtual
 * time during some episodes. Each actor records on its own clock and hands its samples to the
 * probe with its final report ({@link StateMonitor}); nothing is recorded — and nothing costs —
 * when {@link #active()} is false.
 *
 * @param units     global unit indices, ascending (inputs included: their clamped value)
 * @param synapses  coupling indices in the network spec's order, ascending
 * @param every     the record interval in steps (≥ 1)
 * @param episodes  absolute episode indices, ascending (epoch × episodes per epoch + k; a resumed or
 *                  checkpointed run counts from its first epoch as the uninterrupted run does)
 */
public record Monitor(int[] units, int[] synapses, int every, long[] episodes) {
    public static final Monitor NONE = new Monitor(new int[0], new int[0], 1, new long[0]);

    public Monitor {
        if (every < 1) throw new IllegalArgumentException("the record interval must be ≥ 1 step, got " + every);
        units = ascending(units.clone());
        synapses = ascending(synapses.clone());
        episodes = episodes.clone();
        for (int k = 1; k < episodes.length; k++) {
            if (episodes[k] <= episodes[k - 1]) throw new IllegalArgumentException("monitored episodes must be ascending and distinct");
        }
    }

    private static int[] ascending(int[] a) {
        for (int k = 1; k < a.length; k++) {
            if (a[k] <= a[k - 1]) throw new IllegalArgumentException("monitored indices must be ascending and distinct: " + Arrays.toString(a));
        }
        return a;
    }

    public boolean active() {
        return (units.length > 0 || synapses.length > 0) && episodes.length > 0;
    }

    /** Positions in {@code members} (a slice's units, or a block's couplings) of the indices monitored, or null for none. */
    int[] positionsIn(int[] members, boolean ofUnits) {
        if (!active()) return null;
        int[] chosen = ofUnits ? units : synapses;
        int[] pos = java.util.stream.IntStream.range(0, members.length)
                .filter(k -> members[k] >= 0 && Arrays.binarySearch(chosen, members[k]) >= 0).toArray();
        return pos.length == 0 ? null : pos;
    }
}
