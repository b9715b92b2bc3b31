package io.synaptor.synapses;

import java.util.function.LongUnaryOperator;

/**
 * Holomorphic equilibrium propagation, continuous and online (Laborieux &amp; Zenke 2022, eq. 8;
 * DESIGN.md, "Learning rules"): the nudge β(t) = β·e^{2πi(t − start)/T} turns without pause, and the
 * synapse demodulates what it sees on its own clock,
 * dL/dW_ij ≈ −(1/(Tβ)) Σ_{τ in the period} Re[ρ_iρ_j(τ) e^{−2πi(τ − start)/T}],
 * applying ΔW = −η·(that estimate) at the end of every period — inference and learning in one
 * phase, no phase messages. The state lags the nudge by the relaxation time, which rotates the
 * estimate by a small angle φ ≈ 2π·lag/T and shrinks it by cos φ: the period must be long against
 * the relaxation. Periods spent leaving the previous example (the schedule's warm-up) are skipped.
 */
public final class OnlineHolomorphicEP implements LearningRule {
    private final NudgeSchedule schedule;
    private final double rate;
    private final int period;
    private final int warmup;
    private final int periods;
    private final double[] cos;
    private final double[] sin;
    // Operators kept as fields: a method reference made per call would allocate on the hot path.
    private final LongUnaryOperator firstSample = this::firstSample;
    private final LongUnaryOperator lastSample = this::lastSample;
    private final LongUnaryOperator firstUpdate;
    private double accumulated;
    private int seen;
    private double lastGradient = Double.NaN;

    public OnlineHolomorphicEP(NudgeSchedule schedule, double rate) {
        if (schedule.shape().form() != NudgeShape.Form.OSCILLATING) {
            throw new IllegalArgumentException("online holomorphic EP needs an oscillating nudge, got " + schedule.shape());
        }
        this.schedule = schedule;
        this.rate = rate;
        this.period = schedule.nudgeSteps();
        this.warmup = schedule.shape().warmup();
        this.periods = schedule.shape().points();
        this.firstUpdate = e -> firstSample(e) - 1 + period;
        CirclePhases phases = CirclePhases.of(period);
        this.cos = phases.cos();
        this.sin = phases.sin();
    }

    /** The first state time learned from: just after the warm-up periods. */
    private long firstSample(long e) {
        return schedule.start(e) + (long) warmup * period + 1;
    }

    private long lastSample(long e) {
        return schedule.pointSampleTime(e, periods - 1);
    }

    @Override
    public long nextSampleTime(long t) {
        return schedule.nextTrainingTime(t, firstSample, lastSample);
    }

    @Override
    public long nextUpdateTime(long t) {
        long x = schedule.nextTrainingTime(t, firstUpdate, lastSample);
        if (x == Long.MAX_VALUE) return x;
        long start = schedule.start(schedule.episodeOfState(x));
        return start + Math.floorDiv(x - start + period - 1, period) * period; // round up to a period's end
    }

    @Override
    public boolean complex() {
        return true;
    }

    @Override
    public double observeCorrelation(long t, double re, double im) {
        long e = schedule.episodeOfState(t);
        if (!schedule.isTraining(e) || t < firstSample(e) || t > lastSample(e)) return 0.0;
        int k = (int) ((t - schedule.start(e)) % period); // phase index; 0 closes a period
        if (k == 1 || period == 1) {
            accumulated = 0.0;
            seen = 0;
        }
        accumulated += re * cos[k] + im * sin[k]; // Re[C e^{−iθ_k}]
        seen++;
        if (k != 0 || seen != period) return 0.0;
        lastGradient = -accumulated / (period * schedule.beta(e));
        return -rate * lastGradient;
    }

    @Override
    public double lastGradient() {
        return lastGradient;
    }
}
