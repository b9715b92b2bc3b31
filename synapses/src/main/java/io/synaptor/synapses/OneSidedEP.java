package io.synaptor.synapses;

import com.google.auto.service.AutoService;

/**
 * One-sided equilibrium propagation (Scellier &amp; Bengio 2017, eq. 13; REFERENCES.md):
 * dL/dW_ij ≈ −(1/β)[ρ_iρ_j(s^β) − ρ_iρ_j(s^0)], bias O(β); ΔW = −η·(that estimate), averaged over
 * the minibatch. The sign of β per episode comes from the schedule (random signs are an option
 * there). Samples: the free state at the end of the free phase, the nudged state at the end of
 * the nudged phase; the weight moves at the nudged sample.
 */
public final class OneSidedEP extends TwoSampleRule {
    public OneSidedEP(NudgeSchedule schedule, double rate) {
        super(schedule, rate, schedule::freeSampleTime, schedule::nudgedSampleTime);
    }

    @Override
    double estimate(double free, double nudged, double beta) {
        return -(nudged - free) / beta;
    }

    @Override
    double perDifference(double beta) {
        return -1.0 / beta;
    }

    /** {@code learning.rule = one-sided}. */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "one-sided";
        }

        @Override
        public String description() {
            return "one-sided EP: one phase at β after the free phase";
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new OneSidedEP(schedule, rate);
        }
    }
}
