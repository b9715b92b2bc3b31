package io.synaptor.synapses;

import java.util.function.LongUnaryOperator;

/**
 * The shape one-sided and centered EP share: per training episode the synapse samples the
 * minibatch correlation C = ⟨ρ_iρ_j⟩ twice — at {@code first(e)} and {@code second(e)} — and at the
 * second sample turns the pair into its gradient estimate and moves the weight by −η·estimate.
 * A second sample without a first one in the same episode is ignored.
 */
abstract class TwoSampleRule implements LearningRule {
    protected final NudgeSchedule schedule;
    private final double rate;
    private final LongUnaryOperator first;  // fields: a method reference made per call would allocate
    private final LongUnaryOperator second;
    private double firstCorrelation = Double.NaN;
    private long firstEpisode = -1;
    private double lastGradient = Double.NaN;

    TwoSampleRule(NudgeSchedule schedule, double rate, LongUnaryOperator first, LongUnaryOperator second) {
        this.schedule = schedule;
        this.rate = rate;
        this.first = first;
        this.second = second;
    }

    /** dL/dW from the correlation at the first and at the second sample of an episode nudged at β (the schedule's β(e), read once per episode). */
    abstract double estimate(double atFirst, double atSecond, double beta);

    @Override
    public long nextSampleTime(long t) {
        return Math.min(schedule.nextTrainingTime(t, first, first), schedule.nextTrainingTime(t, second, second));
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, second, second);
    }

    /** The time of episode e's first sample. */
    long first(long e) {
        return first.applyAsLong(e);
    }

    /** The time of episode e's second sample. */
    long second(long e) {
        return second.applyAsLong(e);
    }

    @Override
    public double observeCorrelation(long t, double correlation, double unused) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e)) return 0.0;
        if (t == first.applyAsLong(e)) {
            firstCorrelation = correlation;
            firstEpisode = e;
            return 0.0;
        }
        if (t == second.applyAsLong(e) && firstEpisode == e) {
            lastGradient = estimate(firstCorrelation, correlation, schedule.beta(e));
            return -rate * lastGradient;
        }
        return 0.0;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }
}
