package io.synaptor.synapses;

import java.util.function.LongUnaryOperator;

/**
 * Centered (symmetric) equilibrium propagation (Laborieux et al. 2021, eq. 4; REFERENCES.md):
 * dL/dW_ij ≈ −(1/2β)[ρ_iρ_j(s^{+β}) − ρ_iρ_j(s^{−β})], bias O(β²); ΔW = −η·(that estimate),
 * averaged over the minibatch. Needs a symmetric schedule: the +β phase, then a −β phase that
 * restarts from the free state. The weight moves at the end of the −β phase.
 */
public final class CenteredEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final LongUnaryOperator plus;   // fields: a method reference made per call would allocate
    private final LongUnaryOperator minus;
    private double plusCorrelation = Double.NaN;
    private long plusEpisode = -1;
    private double lastGradient = Double.NaN;

    public CenteredEP(NudgeSchedule schedule, double rate) {
        if (schedule.nextTrainingEpisode(0) < schedule.episodes()
                && schedule.counterNudgedSampleTime(schedule.nextTrainingEpisode(0)) < 0) {
            throw new IllegalArgumentException("centered EP needs a symmetric schedule (+β then −β)");
        }
        this.schedule = schedule;
        this.rate = rate;
        this.plus = schedule::nudgedSampleTime;
        this.minus = schedule::counterNudgedSampleTime;
    }

    @Override
    public long nextSampleTime(long t) {
        return Math.min(schedule.nextTrainingTime(t, plus, plus), schedule.nextTrainingTime(t, minus, minus));
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, minus, minus);
    }

    @Override
    public double observeCorrelation(long t, double correlation, double unused) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e)) return 0.0;
        if (t == schedule.nudgedSampleTime(e)) {
            plusCorrelation = correlation;
            plusEpisode = e;
            return 0.0;
        }
        if (t == schedule.counterNudgedSampleTime(e) && plusEpisode == e) {
            lastGradient = -(plusCorrelation - correlation) / (2.0 * schedule.beta(e));
            return -rate * lastGradient;
        }
        return 0.0;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }
}
