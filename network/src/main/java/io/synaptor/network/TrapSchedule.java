package io.synaptor.network;

/**
 * The harmonic trap's learning as a program on the common actors' clocks (Hnybida &amp; Verret 2025;
 * docs/scenarios.md#harmonic-trap): the scheme alternates — the particles relax one step under θ, then
 * the learner updates θ from their mean — so with links of at most D steps each learning step takes
 * P = 2D + 2 virtual steps. For n = 0 … S + 2: the particles' value at nP holds x_n; the learner steps at
 * nP + D, when their sum has arrived (n = 0: the start jump; 1 … S: the updates; S + 1: the end jump;
 * S + 2: the last work is summed); the particles step at nP + 2D + 1, when θ_n has arrived (booking the
 * work of its change, and relaxing one step while n &lt; S). The run ends when the learner has summed the
 * last work.
 *
 * @param steps    S, the Euler–Maruyama steps in τ
 * @param maxDelay D, the longest link (delay plus jitter)
 */
public record TrapSchedule(int steps, int maxDelay) {
    public TrapSchedule {
        if (steps < 1) throw new IllegalArgumentException("need at least one step, got " + steps);
        if (maxDelay < 1) throw new IllegalArgumentException("a link delay is at least one step, got " + maxDelay);
    }

    public int period() {
        return 2 * maxDelay + 2;
    }

    /** n if the learner steps at t (n = 0 … S + 2), else −1. */
    public long learnerStep(long t) {
        return index(t, maxDelay, steps + 2);
    }

    /** n if the particles step at t (n = 0 … S + 1), else −1. */
    public long particleStep(long t) {
        return index(t, 2L * maxDelay + 1, steps + 1);
    }

    private long index(long t, long offset, long last) {
        if (t < offset || (t - offset) % period() != 0) return -1;
        long n = (t - offset) / period();
        return n <= last ? n : -1;
    }

    /** The state time after the learner's last step. */
    public long endTime() {
        return (long) (steps + 2) * period() + maxDelay + 1;
    }

    /** The last state time through which a value changed at t holds, if it changes only at times ≡ {@code phase} mod P. */
    public long holdsThrough(long t, long phase) {
        long p = period();
        long next = t < phase ? phase : t + p - Math.floorMod(t - phase, p);
        return Math.min(next - 1, endTime());
    }
}
