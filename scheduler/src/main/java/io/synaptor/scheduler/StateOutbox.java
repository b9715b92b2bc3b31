package io.synaptor.scheduler;

import java.util.Arrays;

/**
 * What a unit (or slice) tells its synapses at each of its state times t (DESIGN.md, "Time"): its
 * new ρ, stamped t and known through t — or, when ρ did not move enough to send
 * ({@link Timing#mustSend}, send-on-delta), a clock message through t. With a window of K steps
 * (NEST's min-delay batching) the values to send wait and go together, with their own times, when
 * the window closes: at t = 0 (the initial state is needed at once), at every multiple of K and at
 * the end; a window with nothing to send goes as a clock. Allocates only the window's message.
 */
public final class StateOutbox {
    private final Timing timing;
    private final long endTime;
    private final Transmitter out;
    private final int window;
    private final long[] times;
    private final double[][] values;
    private int size;
    private double[] lastSent;
    private long promised = -1; // the unit's value is promised unchanged through this time

    public StateOutbox(Timing timing, long endTime, Transmitter out) {
        this.timing = timing;
        this.endTime = endTime;
        this.out = out;
        this.window = timing.window();
        this.times = new long[window + 1]; // t = 0 alone, then at most K values per window
        this.values = new double[window + 1][];
    }

    /** The unit is at state time {@code t} with ρ = {@code rho} (a vector the message may keep). */
    public void offer(long t, double[] rho) {
        offer(t, rho, t);
    }

    /**
     * The same, when the unit knows its value will stay ρ through {@code holds} ≥ t (its model says so:
     * data held for several steps): the value goes with that horizon, and the state times it covers
     * send nothing. Without windows only; a window's messages keep the horizon of their last time.
     */
    public void offer(long t, double[] rho, long holds) {
        if (window == 1 && t <= promised) return; // promised already, and unchanged
        boolean send = timing.mustSend(rho, lastSent);
        if (send) lastSent = rho;
        if (window == 1) {
            if (send) out.value(t, t, holds, rho);
            else out.clock(t, holds);
            promised = holds;
            return;
        }
        if (send) {
            times[size] = t;
            values[size++] = rho;
        }
        if (t != 0 && t % window != 0 && t != endTime) return;
        if (size == 0) {
            out.clock(t, t);
        } else {
            out.window(t, Arrays.copyOf(times, size), Arrays.copyOf(values, size), t);
            Arrays.fill(values, null);
            size = 0;
        }
    }
}
