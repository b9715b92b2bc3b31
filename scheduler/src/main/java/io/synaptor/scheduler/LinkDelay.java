package io.synaptor.scheduler;

/**
 * The transport delay of a link in whole integration steps (DESIGN.md, "Time"). It must be at
 * least one step: that is the lookahead that lets the conservative rule always make progress.
 */
public record LinkDelay(int steps) {
    public LinkDelay {
        if (steps < 1) {
            throw new IllegalArgumentException("a link delay must be at least one step in virtual time, got " + steps);
        }
    }

    /** Effective time at the receiver of a value sent at {@code sendTime}; time 0 extends back over the history. */
    public long arrival(long sendTime) {
        return sendTime == 0 ? 0 : sendTime + steps;
    }
}
