package io.synaptor.synapses;

import com.google.auto.service.AutoService;

import java.util.function.LongUnaryOperator;

/**
 * Equilibrium propagation for several tasks at once, each nudging its own outputs at its own frequency
 * (seed 003's concurrent-learning hypothesis; {@link FrequencyPlan}; docs/scenarios.md#multiplex-check). After
 * the free phase the nudges run through W phases of T2 steps; in phase τ task k's outputs feel
 * β_k(τ) = β·e^{2πi m_kτ/W} (or β·cos 2πm_kτ/W). The synapse keeps one demodulator per task, each driven by
 * its task's phase read from the synapse's own clock (a third factor, no message), samples ρ_iρ_j at the end
 * of every phase and estimates each task's gradient by its Fourier coefficient at that task's frequency,
 * ĝ_k = −(c/(Wβ)) Σ_τ Re[ρ_iρ_j(τ) e^{−2πi m_kτ/W}], c = 1 for complex nudges (Cauchy's formula in each task's
 * β, as holomorphic EP for one task: Laborieux &amp; Zenke 2022, eq. 6) and 2 for real ones (the cosine's
 * amplitude is split between ±ω_k). At the last phase it applies ΔW = −η Σ_k λ_k ĝ_k (λ_k the plan's task weights, 1 by
 * default): every task's step at once.
 */
public final class MultiplexedEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final int points;
    private final long phase;
    private final double factor;
    private final int report;
    private final double[] weights;
    private final double[][] cos; // [task][point]: the demodulators' tables
    private final double[][] sin;
    private final double[] accumulated;
    // Operators kept as fields: a method reference made per call would allocate on the hot path.
    private final LongUnaryOperator first = this::first;
    private final LongUnaryOperator last = this::last;
    private int seen;
    private double lastGradient = Double.NaN;

    public MultiplexedEP(NudgeSchedule schedule, double rate) {
        FrequencyPlan plan = schedule.shape().plan();
        if (plan == null) throw new IllegalArgumentException("multiplexed EP needs a multiplexed nudge, got " + schedule.shape());
        this.schedule = schedule;
        this.rate = rate;
        this.points = schedule.shape().points();
        this.phase = schedule.nudgeSteps();
        this.factor = plan.complex() ? 1.0 : 2.0;
        this.report = plan.report();
        this.weights = plan.weights();
        int tasks = plan.tasks();
        this.cos = new double[tasks][points];
        this.sin = new double[tasks][points];
        for (int k = 0; k < tasks; k++) {
            for (int p = 0; p < points; p++) {
                double theta = plan.phase(k, p, points);
                double w = plan.windowWeight(p, points); // 1, or the Hann window's taper
                cos[k][p] = w * Math.cos(theta);
                sin[k][p] = w * Math.sin(theta);
            }
        }
        this.accumulated = new double[tasks];
    }

    private long first(long e) {
        return schedule.pointSampleTime(e, 0);
    }

    private long last(long e) {
        return schedule.pointSampleTime(e, points - 1);
    }

    @Override
    public long nextSampleTime(long t) {
        return schedule.nextTrainingTimeOnGrid(t, first, last, phase);
    }

    @Override
    public long nextUpdateTime(long t) {
        return schedule.nextTrainingTime(t, last, last);
    }

    @Override
    public boolean complex() {
        return schedule.shape().complex();
    }

    @Override
    public double observeCorrelation(long t, double re, double im) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e) || t < first(e) || t > last(e) || (t - first(e)) % phase != 0) return 0.0;
        int p = (int) ((t - first(e)) / phase);
        if (p == 0) {
            java.util.Arrays.fill(accumulated, 0.0);
            seen = 0;
        }
        for (int k = 0; k < accumulated.length; k++) accumulated[k] += re * cos[k][p] + im * sin[k][p]; // Re[C e^{−iθ_k}]
        seen++;
        if (p < points - 1 || seen != points) return 0.0;
        double scale = -factor / (points * schedule.beta(e));
        double sum = 0.0;
        for (int k = 0; k < accumulated.length; k++) sum += weights[k] * (scale * accumulated[k]);
        lastGradient = report < 0 ? sum : scale * accumulated[report];
        return -rate * sum;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }

    /** {@code learning.rule = multiplexed}: the tasks and their frequencies come with the nudge (multiplex-check, concurrent tasks). */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "multiplexed";
        }

        @Override
        public String description() {
            return "several tasks at once, each nudging its outputs at its own frequency, demodulated per task by each synapse (multiplex-check)";
        }

        @Override
        public NudgeShape shape(NudgeShape holomorphic) {
            throw new IllegalArgumentException("multiplexed EP needs tasks, each with its outputs and frequency: "
                    + "the multiplex scenarios (multiplex-check) set them up");
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new MultiplexedEP(schedule, rate);
        }
    }
}
