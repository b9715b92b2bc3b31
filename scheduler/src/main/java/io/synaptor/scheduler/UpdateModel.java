package io.synaptor.scheduler;

import java.util.Arrays;

/**
 * When a unit takes its step (DESIGN.md, "Time": every step, Poisson, heterogeneous rates). A unit
 * with rate r updates at step t with probability r — in discrete time the Bernoulli thinning of a
 * Poisson clock — and otherwise holds its state through that step. The draw is a stateless hash
 * of (seed, unit, t), so the decision is the same in the actors and in the synchronous simulation,
 * whatever the scheduling.
 */
public record UpdateModel(long seed, double[] rates) {
    public UpdateModel {
        for (double r : rates) {
            if (!(r > 0 && r <= 1)) throw new IllegalArgumentException("update rates must lie in (0, 1], got " + r);
        }
        rates = rates.clone();
    }

    /** Every unit steps at every step. */
    public static UpdateModel everyStep(int units) {
        double[] r = new double[units];
        Arrays.fill(r, 1.0);
        return new UpdateModel(0, r);
    }

    public boolean updates(int unit, long t) {
        double r = rates[unit];
        return r >= 1.0 || RandomStreams.uniform(seed, RandomStreams.Kind.UPDATE, unit, t) < r;
    }
}
