package io.synaptor.actors;

/**
 * The protocol messages of a run (DESIGN.md, "The protocol"), as the actors count what they send:
 * unit → synapse state and clock (input units send states too), synapse → unit drive and clock,
 * input source → input unit clamp, teacher → output unit target. There is no phase
 * message: β(t) is on every actor's own clock. Each actor keeps a plain {@code long[]} indexed by
 * {@link #ordinal()}, so counting costs one increment.
 */
public enum MessageKind {
    STATE, STATE_CLOCK, DRIVE, DRIVE_CLOCK, CLAMP, TARGET;

    static long[] counters() {
        return new long[values().length];
    }
}
