package io.synaptor.synapses;

import com.google.auto.service.AutoService;

/**
 * Centered (symmetric) equilibrium propagation (Laborieux et al. 2021, eq. 4; REFERENCES.md):
 * dL/dW_ij ≈ −(1/2β)[ρ_iρ_j(s^{+β}) − ρ_iρ_j(s^{−β})], bias O(β²); ΔW = −η·(that estimate),
 * averaged over the minibatch. Needs a symmetric schedule: the +β phase, then a −β phase that
 * restarts from the free state. The weight moves at the end of the −β phase.
 */
public final class CenteredEP extends TwoSampleRule {
    public CenteredEP(NudgeSchedule schedule, double rate) {
        super(schedule, rate, schedule::nudgedSampleTime, schedule::counterNudgedSampleTime);
        if (schedule.nextTrainingEpisode(0) < schedule.episodes()
                && schedule.counterNudgedSampleTime(schedule.nextTrainingEpisode(0)) < 0) {
            throw new IllegalArgumentException("centered EP needs a symmetric schedule (+β then −β)");
        }
    }

    @Override
    double estimate(double plus, double minus, double beta) {
        return -(plus - minus) / (2.0 * beta);
    }

    @Override
    double perDifference(double beta) {
        return 1.0 / (2.0 * beta); // −(c1 − c2)/(2β) = (c2 − c1)/(2β)
    }

    /** {@code learning.rule = centered}. */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "centered";
        }

        @Override
        public String description() {
            return "centered EP: +β then −β, each from the free state";
        }

        @Override
        public NudgeShape shape(NudgeShape holomorphic) {
            return NudgeShape.CENTERED;
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new CenteredEP(schedule, rate);
        }
    }
}
