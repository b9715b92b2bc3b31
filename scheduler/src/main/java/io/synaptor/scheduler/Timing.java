package io.synaptor.scheduler;

/**
 * The timing of a run beyond its per-link delays (DESIGN.md, "Time"; issue 4): when units step,
 * how much the links jitter and how often they lose a value, and how far each actor's local clock
 * — its nudge oscillator and its learning window — is offset. Every draw is a stateless hash of the
 * seed, so virtual time stays bit-identical whatever the threads.
 *
 * @param jitter    extra transport delay per value, uniform in {0 … jitter} steps (in-order delivery)
 * @param drop      probability that a value sent on a link is lost (the receiver keeps the last one)
 * @param clockSkew each actor's clock offset, uniform in {0 … clockSkew} steps
 */
public record Timing(UpdateModel update, int jitter, double drop, int clockSkew, long seed) {
    public Timing {
        if (jitter < 0) throw new IllegalArgumentException("jitter must be ≥ 0 steps, got " + jitter);
        if (!(drop >= 0 && drop < 1)) throw new IllegalArgumentException("the drop probability must lie in [0, 1), got " + drop);
        if (clockSkew < 0) throw new IllegalArgumentException("clock skew must be ≥ 0 steps, got " + clockSkew);
    }

    /** Every unit steps every step; links are plain delays; clocks agree. */
    public static Timing exact(int units) {
        return new Timing(UpdateModel.everyStep(units), 0, 0.0, 0, 0L);
    }

    /** Direction {@code direction} (0: towards end i, 1: towards end j) of coupling {@code coupling}. */
    public LinkDelay link(int coupling, int direction, int delay) {
        return new LinkDelay(delay, jitter, drop, seed, 2L * coupling + direction);
    }

    /** The clock offset of a unit (kind UNIT) or a synapse (kind SYNAPSE). */
    public long skew(RandomStreams.Kind kind, long id) {
        if (clockSkew == 0) return 0;
        return (long) (RandomStreams.uniform(seed, RandomStreams.Kind.SKEW, kind.ordinal() * 0x100000000L + id, 0) * (clockSkew + 1));
    }
}
