package io.synaptor.scheduler;

/**
 * One direction of a link in virtual time (DESIGN.md, "Time"): a transport delay of D ≥ 1 whole
 * steps — the lookahead that lets the conservative rule always make progress — plus optional
 * jitter and loss, both drawn statelessly from (seed, link, send time) so that every host of the
 * same link (an actor, the synchronous simulation) sees the same channel.
 *
 * <p>The channel delivers in order: the value sent at τ arrives at
 * A(τ) = max_{1 ≤ τ' ≤ τ} (τ' + D + J(τ')), J uniform in {0 … jitter}; A is non-decreasing, and a
 * value overtaken by a later one arriving at the same instant is never in force. A value sent at
 * a dropped τ never arrives; the receiver keeps the last value that did. At any time t the receiver
 * holds the value of the latest delivered τ with A(τ) ≤ t. Time 0 (the initial state) arrives at 0.
 *
 * @param link a stable id of this link direction, for the random draws
 */
public record LinkDelay(int steps, int jitter, double drop, long seed, long link) {
    public LinkDelay {
        if (steps < 1) {
            throw new IllegalArgumentException("a link delay must be at least one step in virtual time, got " + steps);
        }
        if (jitter < 0) throw new IllegalArgumentException("jitter must be ≥ 0 steps, got " + jitter);
        if (!(drop >= 0 && drop < 1)) throw new IllegalArgumentException("the drop probability must lie in [0, 1), got " + drop);
    }

    /** A plain delay: no jitter, no loss. */
    public LinkDelay(int steps) {
        this(steps, 0, 0.0, 0L, 0L);
    }

    /** Whether the channel is just a constant delay. */
    public boolean plain() {
        return jitter == 0 && drop == 0.0;
    }

    /** A(τ): when the value sent at τ arrives (in order; see the class comment). O(jitter). */
    public long arrival(long sendTime) {
        if (sendTime == 0) return 0;
        long a = sendTime + steps;
        if (jitter == 0) return a;
        for (long t = Math.max(1, sendTime - jitter); t <= sendTime; t++) {
            a = Math.max(a, t + steps + extra(t));
        }
        return a;
    }

    private long extra(long t) {
        return (long) (RandomStreams.uniform(seed, RandomStreams.Kind.JITTER, link, t) * (jitter + 1));
    }

    /** Whether the value sent at τ gets through. */
    public boolean delivered(long sendTime) {
        return sendTime == 0 || drop == 0.0 || RandomStreams.uniform(seed, RandomStreams.Kind.DROP, link, sendTime) >= drop;
    }

    /** The first send time ≥ τ that gets through (expected 1/(1 − drop) draws). */
    public long firstDelivered(long sendTime) {
        long t = sendTime;
        while (!delivered(t)) t++;
        return t;
    }
}
