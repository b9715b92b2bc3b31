package io.synaptor.synapses;

import com.google.auto.service.AutoService;

import java.util.function.LongUnaryOperator;

/**
 * Holomorphic equilibrium propagation, discrete form (Laborieux &amp; Zenke 2022, eq. 6;
 * REFERENCES.md): after the free phase the nudge visits N points β_k = β·e^{2πik/N} on a circle,
 * relaxing T2 steps at each, and the synapse estimates by Cauchy's formula
 * dL/dW_ij ≈ −Re[(1/N) Σ_k ρ_iρ_j(s^{β_k}) e^{−2πik/N}] / β, exact up to O(|β|^N) (the first
 * Fourier coefficient of ρ_iρ_j around the circle). It samples the complex activations at the end
 * of each point, accumulates the demodulated product, and moves the weight at the last point;
 * ΔW = −η·(that estimate), averaged over the minibatch.
 */
public final class HolomorphicEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final int points;
    private final long phase;
    private final double[] cos;
    private final double[] sin;
    // Operators kept as fields: a method reference made per call would allocate on the hot path.
    private final LongUnaryOperator first = this::first;
    private final LongUnaryOperator last = this::last;
    private double accumulated;
    private int seen;
    private double lastGradient = Double.NaN;

    public HolomorphicEP(NudgeSchedule schedule, double rate) {
        if (schedule.shape().form() != NudgeShape.Form.CIRCLE) {
            throw new IllegalArgumentException("holomorphic EP (discrete) needs a circle of nudges, got " + schedule.shape());
        }
        this.schedule = schedule;
        this.rate = rate;
        this.points = schedule.shape().points();
        this.phase = schedule.nudgeSteps();
        CirclePhases phases = CirclePhases.of(points);
        this.cos = phases.cos();
        this.sin = phases.sin();
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
        return true;
    }

    @Override
    public double observeCorrelation(long t, double re, double im) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e) || t < first(e) || t > last(e) || (t - first(e)) % phase != 0) return 0.0;
        int k = (int) ((t - first(e)) / phase);
        if (k == 0) {
            accumulated = 0.0;
            seen = 0;
        }
        accumulated += re * cos[k] + im * sin[k]; // Re[C e^{−iθ_k}]
        seen++;
        if (k < points - 1 || seen != points) return 0.0;
        lastGradient = -accumulated / (points * schedule.beta(e));
        return -rate * lastGradient;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }

    /** {@code learning.rule = holomorphic}. */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "holomorphic";
        }

        @Override
        public String description() {
            return "holomorphic EP: complex states, β on a circle (or turning, learning.holomorphic.form=online)";
        }

        @Override
        public NudgeShape shape(NudgeShape holomorphic) {
            if (holomorphic == null || !holomorphic.complex()) {
                throw new IllegalArgumentException("holomorphic EP needs a complex nudge, got " + holomorphic);
            }
            return holomorphic;
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return schedule.shape().form() == NudgeShape.Form.OSCILLATING
                    ? new OnlineHolomorphicEP(schedule, rate) : new HolomorphicEP(schedule, rate);
        }
    }
}
