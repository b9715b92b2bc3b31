package io.synaptor.scheduler;

/**
 * Where a sender's decisions go (DESIGN.md, "The protocol"): the hosting actor turns each call into
 * one message — a value, a window of values, or a clock (a promise with no value) — and counts and
 * traces it. {@link StateOutbox} and {@link OutgoingLink} decide what and when; this only carries it.
 */
public interface Transmitter {
    /** A value in force from {@code time}, known through {@code horizon}; decided at the sender's time {@code sentAt}. */
    void value(long sentAt, long time, long horizon, double[] value);

    /** Values k from times[k] until the next one, the last known through {@code horizon} (arrays the message may keep). */
    void window(long sentAt, long[] times, double[][] values, long horizon);

    /** Nothing new: the receiver's input on this link is known through {@code horizon}. */
    void clock(long sentAt, long horizon);
}
