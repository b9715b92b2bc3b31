package io.synaptor.synapses;

import java.util.function.LongUnaryOperator;

/**
 * One-sided equilibrium propagation (Scellier &amp; Bengio 2017, eq. 13; REFERENCES.md):
 * dL/dW_ij ≈ −(1/β)[ρ_iρ_j(s^β) − ρ_iρ_j(s^0)], bias O(β); ΔW = −η·(that estimate), averaged over
 * the minibatch. The sign of β per episode comes from the schedule (random signs are an option
 * there). Samples: the free state at the end of the free phase, the nudged state at the end of
 * the nudged phase; the weight moves at the nudged sample.
 */
public final class OneSidedEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final LongUnaryOperator free;   // fields: a method reference made per call would allocate
    private final LongUnaryOperator nudged;
    private double freeCorrelation = Double.NaN;
    private long freeEpisode = -1;
    private double lastGradient = Double.NaN;

    public OneSidedEP(NudgeSchedule schedule, double rate) {
        this.schedule = schedule;
        this.rate = rate;
        this.free = schedule::freeSampleTime;
        this.nudged = schedule::nudgedSampleTime;
    }

    @Override
    public long nextSampleTime(long t) {
        return Math.min(schedule.nextTrainingTime(t, free, free), schedule.nextTrainingTime(t, nudged, nudged));
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, nudged, nudged);
    }

    @Override
    public double observeCorrelation(long t, double correlation, double unused) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e)) return 0.0;
        if (t == schedule.freeSampleTime(e)) {
            freeCorrelation = correlation;
            freeEpisode = e;
            return 0.0;
        }
        if (t == schedule.nudgedSampleTime(e) && freeEpisode == e) {
            double beta = schedule.beta(e);
            lastGradient = -(correlation - freeCorrelation) / beta;
            return -rate * lastGradient;
        }
        return 0.0;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }
}
