package io.synaptor.synapses;

import com.google.auto.service.AutoService;

import java.util.function.LongUnaryOperator;

/**
 * The concurrent-learning rule as seed 003's talk states it, with no phase reference: a synapse moves by
 * ρ_iρ_j minus its own running average, ΔW ∝ −Σ_τ [ρ_iρ_j(τ) − ⟨ρ_iρ_j⟩_τ], while the nudges oscillate
 * (docs/scenarios.md#running-average). It samples at the end of the free phase (where its average starts) and
 * at the end of every phase of a multiplexed nudge, compares each sample with the running average of the
 * samples before it (an exponential average over {@code window} samples: a ← a + (C − a)/window), and reports
 * −(c/(Wβ))·Σ(C − a) — the normalisation of {@link MultiplexedEP}, without the factor e^{−iω_kτ}. Since an
 * oscillation at ω_k ≠ 0 sums to nothing over whole periods, what is left is the drift of the average and the
 * even orders of the response, not the gradient: the rule is here to show that (our analysis; the check
 * measures it). Real correlations only (the talk's physical oscillation is real); it learns at the last phase.
 */
public final class RunningAverageHebbian implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final int points;
    private final long phase;
    private final double factor;
    private final double window;
    private final LongUnaryOperator free = this::free;
    private final LongUnaryOperator last = this::last;
    private double average;
    private double accumulated;
    private int seen;
    private double lastGradient = Double.NaN;

    /** @param window the running average's time constant, in samples (1: each sample against the one before) */
    public RunningAverageHebbian(NudgeSchedule schedule, double rate, double window) {
        FrequencyPlan plan = schedule.shape().plan();
        if (plan == null) throw new IllegalArgumentException("the running-average rule learns under oscillating (multiplexed) nudges, got " + schedule.shape());
        if (plan.complex()) throw new IllegalArgumentException("the running-average rule sees real correlations: give it real (cosine) nudges");
        if (!(window >= 1)) throw new IllegalArgumentException("the running average needs a window of at least one sample, got " + window);
        this.schedule = schedule;
        this.rate = rate;
        this.points = schedule.shape().points();
        this.phase = schedule.nudgeSteps();
        this.factor = 2.0;
        this.window = window;
    }

    private long free(long e) {
        return schedule.freeSampleTime(e);
    }

    private long last(long e) {
        return schedule.pointSampleTime(e, points - 1);
    }

    @Override
    public long nextSampleTime(long t) {
        return schedule.nextTrainingTimeOnGrid(t, free, last, phase);
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, last, last);
    }

    @Override
    public double observeCorrelation(long t, double c, double im) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e) || t < free(e) || t > last(e) || (t - free(e)) % phase != 0) return 0.0;
        if (t == free(e)) { // the average starts at the free state's correlation
            average = c;
            accumulated = 0.0;
            seen = 0;
            return 0.0;
        }
        accumulated += c - average;
        average += (c - average) / window;
        seen++;
        if (t != last(e) || seen != points) return 0.0;
        lastGradient = -factor * accumulated / (points * schedule.beta(e));
        return -rate * lastGradient;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }

    /** {@code learning.rule = running-average}: the talk's rule as stated (running-average scenario; window of 8 samples). */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        /** The window of the rule picked by name. */
        public static final double WINDOW = 8;

        @Override
        public String name() {
            return "running-average";
        }

        @Override
        public String description() {
            return "seed 003's rule as stated: ρ_iρ_j minus its running average under oscillating nudges, no phase reference (running-average)";
        }

        @Override
        public NudgeShape shape(NudgeShape holomorphic) {
            throw new IllegalArgumentException("the running-average rule learns under oscillating task nudges: the running-average scenario sets them up");
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new RunningAverageHebbian(schedule, rate, WINDOW);
        }
    }
}
