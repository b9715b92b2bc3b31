package io.synaptor.synapses;

/**
 * A nudge schedule read by a clock that runs {@code offset} steps late (issue 4, clock skew): every
 * time it answers is the base schedule's plus the offset, so a rule built on it samples and learns
 * that much later, and β(t) is the base β(t − offset). Before the offset nothing has begun.
 */
public record ShiftedSchedule(NudgeSchedule base, long offset) implements NudgeSchedule {
    public static NudgeSchedule of(NudgeSchedule base, long offset) {
        return offset == 0 ? base : new ShiftedSchedule(base, offset);
    }

    @Override public long episodes() { return base.episodes(); }
    @Override public long episodeOfState(long t) { return base.episodeOfState(Math.max(0, t - offset)); }
    @Override public long episodeOfStep(long t) { return base.episodeOfStep(Math.max(0, t - offset)); }
    @Override public boolean isTraining(long e) { return base.isTraining(e); }
    @Override public int epochOf(long e) { return base.epochOf(e); }
    @Override public long start(long e) { return base.start(e) + offset; }
    @Override public long nextTrainingEpisode(long e) { return base.nextTrainingEpisode(e); }
    @Override public long freeSampleTime(long e) { return base.freeSampleTime(e) + offset; }
    @Override public NudgeShape shape() { return base.shape(); }
    @Override public int nudgeSteps() { return base.nudgeSteps(); }
    @Override public long pointSampleTime(long e, int k) { return base.pointSampleTime(e, k) + offset; }
    @Override public long exampleStart(long e, int task) { return base.exampleStart(e, task); }
    @Override public int taskPhaseShift(long x, int task) { return base.taskPhaseShift(x, task); }
    @Override public long taskPointSampleTime(long x, int k) { return base.taskPointSampleTime(x, k) + offset; }

    @Override
    public long counterNudgedSampleTime(long e) {
        long t = base.counterNudgedSampleTime(e);
        return t < 0 ? t : t + offset;
    }

    @Override public double beta(long e) { return base.beta(e); }
    @Override public double betaAtStep(long t) { return t < offset ? 0.0 : base.betaAtStep(t - offset); }
    @Override public double betaImAtStep(long t) { return t < offset ? 0.0 : base.betaImAtStep(t - offset); }
    @Override public double betaAtStep(long t, int o) { return t < offset ? 0.0 : base.betaAtStep(t - offset, o); }
    @Override public double betaImAtStep(long t, int o) { return t < offset ? 0.0 : base.betaImAtStep(t - offset, o); }
    @Override public long endTime() { return base.endTime() + offset; }
}
