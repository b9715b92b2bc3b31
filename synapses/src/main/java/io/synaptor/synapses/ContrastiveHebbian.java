package io.synaptor.synapses;

import com.google.auto.service.AutoService;

/**
 * Contrastive Hebbian learning (Movellan 1991; the "free vs clamped" member of the family in
 * Scellier &amp; Bengio 2017, section 2.3): in the second phase the output units are clamped to
 * the target instead of nudged, and ΔW = η[ρ_iρ_j(clamped) − ρ_iρ_j(free)], averaged over the
 * minibatch. It is not a gradient estimate of L; {@link #lastGradient} reports −ΔW/η, the
 * direction it descends, so it can be set beside the exact gradient.
 */
public final class ContrastiveHebbian implements LearningRule {
    private final OneSidedEP samples;
    private final double rate;

    public ContrastiveHebbian(NudgeSchedule schedule, double rate) {
        // Same sample times as one-sided EP (end of free phase, end of clamped phase); β = 1 in its arithmetic.
        this.samples = new OneSidedEP(new UnitBeta(schedule), 1.0);
        this.rate = rate;
    }

    @Override
    public long nextSampleTime(long t) {
        return samples.nextSampleTime(t);
    }

    @Override
    public long nextUpdateTime(long t) {
        return samples.nextUpdateTime(t);
    }

    @Override
    public double observeCorrelation(long t, double correlation, double unused) {
        return rate * samples.observeCorrelation(t, correlation, 0.0); // OneSidedEP with β = 1, η = 1 returns ρρ(clamped) − ρρ(free)
    }

    @Override
    public double lastGradient() {
        return samples.lastGradient();
    }

    /** The schedule seen with |β| = 1 and a positive sign: CHL has no nudge strength. */
    private record UnitBeta(NudgeSchedule s) implements NudgeSchedule {
        @Override public long episodes() { return s.episodes(); }
        @Override public long episodeOfState(long t) { return s.episodeOfState(t); }
        @Override public long episodeOfStep(long t) { return s.episodeOfStep(t); }
        @Override public boolean isTraining(long e) { return s.isTraining(e); }
        @Override public int epochOf(long e) { return s.epochOf(e); }
        @Override public long start(long e) { return s.start(e); }
        @Override public long nextTrainingEpisode(long e) { return s.nextTrainingEpisode(e); }
        @Override public long freeSampleTime(long e) { return s.freeSampleTime(e); }
        @Override public int nudgeSteps() { return s.nudgeSteps(); }
        @Override public long pointSampleTime(long e, int k) { return s.pointSampleTime(e, k); }
        @Override public double betaAtStep(long t) { return s.betaAtStep(t); }
        @Override public double beta(long e) { return 1.0; }
        @Override public long endTime() { return s.endTime(); }
    }

    /** {@code learning.rule = chl}. */
    @AutoService(RuleProvider.class)
    public static final class Provider implements RuleProvider {
        @Override
        public String name() {
            return "chl";
        }

        @Override
        public String description() {
            return "contrastive Hebbian learning: outputs clamped to the target";
        }

        @Override
        public OutputClamp clamp() {
            return OutputClamp.TARGET;
        }

        @Override
        public LearningRule create(NudgeSchedule schedule, double rate) {
            return new ContrastiveHebbian(schedule, rate);
        }
    }
}
