package io.synaptor.network;

import io.synaptor.scheduler.Timing;

/**
 * How long a reset lasts. A unit that returns to rest at an episode's first step t₀ would otherwise
 * integrate its next steps with drives its neighbours sent before the reset: for as long as a link
 * delays a value, the previous example in the same minibatch slot pushes the new one (two-moons,
 * whose generated examples alternate classes, scored 0.98 on its test set this way and 0.89 from
 * rest). So a reset holds the unit at its reset state through t₀ + H, with H the longest any value
 * can take to arrive — the longest link delay plus the jitter: from t₀ + H + 1 on, every drive it
 * reads was sent at or after t₀ + 1, the first state time after the reset ({@link
 * io.synaptor.scheduler.LinkDelay}: arrivals are in order, A(τ) ≤ τ + D + J). The first episode has
 * no earlier example and starts at once, as before. A dropped message can still leave an older value
 * in force, as a lossy link would.
 */
public final class ResetHold {
    private ResetHold() {
    }

    /** H: the steps after a reset step during which a resetting unit holds its state. */
    public static int steps(NetworkSpec net, Timing timing) {
        return net.maxDelay() + timing.jitter();
    }
}
