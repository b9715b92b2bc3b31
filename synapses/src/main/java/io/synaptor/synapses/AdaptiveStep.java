package io.synaptor.synapses;

/**
 * Adam's per-weight step (Kingma and Ba 2015, "Adam: a method for stochastic optimization",
 * Algorithm 1) on top of any rule: the synapse keeps running means of its own changes and of their
 * squares and moves its weight by η·m̂/(√v̂ + ε) instead of by the raw change. Each weight's step is
 * then about η whatever the scale of its gradient, which plain SGD lacks when input and readout
 * gradients differ by orders of magnitude (docs/scenarios.md, "two-moons"). Still local: the moments
 * are the synapse's own. The wrapped rule's changes are dw = −η·ĝ, so the moments are taken of dw/η = −ĝ
 * and the step has Adam's form exactly. A weight whose change is exactly 0 (no update at this time,
 * or an end that never moved) keeps its moments and step count, as in lazy (sparse) Adam.
 *
 * <p>The moments restart at each epoch (read from the synapse's own clock, as {@link DecayingRate}
 * reads it): then everything a run carries from one epoch to the next is its weights, so a run cut
 * into one simulation per epoch (checkpoints, {@code --resume}, a cluster that lost a node) is the
 * same computation as an uninterrupted one. Adam's bias correction makes the restart benign: the
 * first step of an epoch is η·sign(ĝ), the size every later step has too.
 * The gradient estimate ({@link #lastGradient}) is the wrapped rule's.
 */
public final class AdaptiveStep extends StepOnTop {
    /** Adam's defaults (Kingma and Ba 2015, Algorithm 1): decay of the first and second moments, and ε. */
    static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;

    private final NudgeSchedule schedule;
    private final Moments moments;

    AdaptiveStep(LearningRule rule, NudgeSchedule schedule, double rate) {
        super(rule);
        this.schedule = schedule;
        this.moments = new Moments(new double[]{rate});
    }

    @Override
    double step(long t, double dw) {
        if (dw != 0.0) moments.enter(schedule.epochOf(schedule.episodeOfState(t)));
        return moments.step(0, dw);
    }

    /** A block's rule with Adam steps: cell k's step is what its own AdaptiveStep would give, bit for bit. */
    static BlockRule of(BlockRule block, NudgeSchedule clock, double[] rates) {
        Moments moments = new Moments(rates);
        return onBlock(block, (t, dw) -> {
            moments.enter(clock.epochOf(clock.episodeOfState(t)));
            for (int k = 0; k < dw.length; k++) dw[k] = moments.step(k, dw[k]);
        });
    }

    /** The moments of one or more weights, in arrays (a block's cells); a cell whose change is 0 (rate 0) never steps. */
    private static final class Moments {
        private final double[] rate, m, v, beta1Power, beta2Power;
        private int epoch = -1;

        Moments(double[] rates) {
            rate = rates.clone();
            m = new double[rates.length];
            v = new double[rates.length];
            beta1Power = new double[rates.length];
            beta2Power = new double[rates.length];
        }

        /** Restarts every moment when a change belongs to a new epoch. */
        void enter(int e) {
            if (e == epoch) return;
            epoch = e;
            java.util.Arrays.fill(m, 0.0);
            java.util.Arrays.fill(v, 0.0);
            java.util.Arrays.fill(beta1Power, 1.0);
            java.util.Arrays.fill(beta2Power, 1.0);
        }

        /** Cell k's Adam step for the rule's change dw = −η·ĝ (0 stays 0). */
        double step(int k, double dw) {
            if (dw == 0.0) return dw;
            double g = dw / rate[k];                          // −ĝ: Adam's moments are of the gradient, not of the step
            m[k] = BETA1 * m[k] + (1 - BETA1) * g;
            v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
            beta1Power[k] *= BETA1;
            beta2Power[k] *= BETA2;
            double mHat = m[k] / (1 - beta1Power[k]), vHat = v[k] / (1 - beta2Power[k]);
            return rate[k] * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }
}
