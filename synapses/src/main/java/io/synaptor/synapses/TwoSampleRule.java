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

    /** κ(β): the estimate is linear in the difference, estimate(c1, c2, β) = κ·(c2 − c1) up to rounding ({@link SampleDifference}). */
    abstract double perDifference(double beta);

    /**
     * Which sample of which episode t is: {@link SampleDifference.Kind#FIRST} at a training episode's first sample,
     * SECOND at its second when {@code firstOf} — the episode of the last first sample — is the same, else NONE.
     */
    SampleDifference.Kind sampleAt(long t, long firstOf) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e)) return SampleDifference.Kind.NONE;
        if (t == first.applyAsLong(e)) return SampleDifference.Kind.FIRST;
        return t == second.applyAsLong(e) && firstOf == e ? SampleDifference.Kind.SECOND : SampleDifference.Kind.NONE;
    }


    @Override
    public long nextSampleTime(long t) {
        return Math.min(schedule.nextTrainingTime(t, first, first), schedule.nextTrainingTime(t, second, second));
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, second, second);
    }

    @Override
    public double observeCorrelation(long t, double correlation, double unused) {
        switch (sampleAt(t, firstEpisode)) {
            case FIRST -> {
                firstCorrelation = correlation;
                firstEpisode = schedule.episodeOfState(t);
                return 0.0;
            }
            case SECOND -> {
                lastGradient = estimate(firstCorrelation, correlation, schedule.beta(firstEpisode));
                return -rate * lastGradient;
            }
            default -> {
                return 0.0;
            }
        }
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }
}
