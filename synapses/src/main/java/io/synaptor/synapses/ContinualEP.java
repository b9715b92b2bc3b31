package io.synaptor.synapses;

import com.google.auto.service.AutoService;

import java.util.function.LongUnaryOperator;

/**
 * Continual equilibrium propagation (Ernoult et al. 2020, C-EP, eq. 9): the weights move at every
 * step of the nudged phase, ΔW(t) = (η/β)[ρ_iρ_j(t) − ρ_iρ_j(t − 1)] (minibatch mean), so learning
 * is local in time as well as in space. For small η the updates telescope to one-sided EP's
 * (η/β)[ρ_iρ_j(s^β) − ρ_iρ_j(s^0)]. {@link #lastGradient} is the estimate accumulated over the
 * last nudged phase, −Σ ΔW/η.
 */
public final class ContinualEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final LongUnaryOperator free;   // fields: a lambda made per call would allocate
    private final LongUnaryOperator afterFree;
    private final LongUnaryOperator nudged;
    private double previous = Double.NaN;
    private double accumulated;
    private double lastGradient = Double.NaN;

    public ContinualEP(NudgeSchedule schedule, double rate) {
        this.schedule = schedule;
        this.rate = rate;
        this.free = schedule::freeSampleTime;
        this.afterFree = e -> schedule.freeSampleTime(e) + 1;
        this.nudged = schedule::nudgedSampleTime;
    }

    @Override
    public long nextSampleTime(long t) {
        return schedule.nextTrainingTime(t, free, nudged);
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, afterFree, nudged);
    }

    @Override
    public double observeCorrelation(long t, double correlation, double unused) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e) || t < schedule.freeSampleTime(e) || t > schedule.nudgedSampleTime(e)) return 0.0;
        double now = correlation;
        if (t == schedule.freeSampleTime(e)) {
            previous = now;
            accumulated = 0.0;
            return 0.0;
        }
        double g = -(now - previous) / schedule.beta(e); // this step's share of −(1/β)Δ(ρρ)
        previous = now;
        accumulated += g;
        if (t == schedule.nudgedSampleTime(e)) lastGradient = accumulated;
        return -rate * g;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }

    /** {@code learning.rule = continual}. */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "continual";
        }

        @Override
        public String description() {
            return "continual EP: the weights move at every nudged step";
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new ContinualEP(schedule, rate);
        }
    }
}
