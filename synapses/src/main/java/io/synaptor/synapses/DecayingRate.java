package io.synaptor.synapses;

/**
 * A rule whose learning rate decays geometrically with the epoch: η_e = η·γ^e, where e is the
 * absolute epoch of the episode the change belongs to, read from the synapse's own clock (so a run
 * resumed after epoch k goes on with γ^k, as the uninterrupted one did). Plain SGD annealing (Robbins
 * and Monro's decreasing steps); it damps the epoch-to-epoch wander of the test loss at a fixed η.
 * The gradient estimate ({@link #lastGradient}) is the wrapped rule's, undamped.
 */
public final class DecayingRate extends StepOnTop {
    private final NudgeSchedule schedule;
    private final double gamma;
    private int epoch = -1;
    private double factor;

    public DecayingRate(LearningRule rule, NudgeSchedule schedule, double gamma) {
        super(rule);
        this.schedule = schedule;
        this.gamma = checked(gamma);
    }

    /** dw·γ^e for the epoch e of the state time t (the power remembered while the epoch lasts). */
    @Override
    double step(long t, double dw) {
        if (dw == 0.0) return dw;
        int e = schedule.epochOf(schedule.episodeOfState(t));
        if (e != epoch) {
            factor = Math.pow(gamma, e);
            epoch = e;
        }
        return dw * factor;
    }

    private static double checked(double gamma) {
        if (!(gamma >= 0.0 && gamma <= 1.0)) throw new IllegalArgumentException("the rate decay must be in [0, 1], got " + gamma);
        return gamma;
    }

    /** A block's rule with the same decay: every change times γ^e, as each weight's own DecayingRate would give it. */
    public static BlockRule of(BlockRule block, NudgeSchedule schedule, double gamma) {
        checked(gamma);
        java.util.function.LongToDoubleFunction factor = t -> Math.pow(gamma, schedule.epochOf(schedule.episodeOfState(t))); // once per update
        return onBlock(block, (t, dw) -> {
            double f = factor.applyAsDouble(t);
            for (int k = 0; k < dw.length; k++) dw[k] *= f; // 0 stays 0 (and −0 stays −0), as step leaves them
        }, factor);
    }
}
