package io.synaptor.synapses;

/**
 * The one clock a block's learning rules share (DESIGN.md, "Granularity"): every weight of a block
 * asks the schedule the same questions at the same instant — which episode is this, is it a
 * training one, when are its samples, what is β — so the first answer is remembered and the other
 * weights read it back. The schedule's arithmetic (several integer divisions per question) otherwise
 * costs more than the weight update itself. Not thread-safe: one per block actor.
 */
public final class BlockClock implements NudgeSchedule {
    private final NudgeSchedule base;
    private long stateT = Long.MIN_VALUE, stateE;
    private long stepT = Long.MIN_VALUE, stepE;
    private long trainingE = Long.MIN_VALUE;
    private boolean training;
    private long startE = Long.MIN_VALUE, start;
    private long freeE = Long.MIN_VALUE, free;
    private long pointE = Long.MIN_VALUE, point;
    private int pointK;
    private long counterE = Long.MIN_VALUE, counter;
    private long betaE = Long.MIN_VALUE;
    private double beta;

    public BlockClock(NudgeSchedule base) {
        this.base = base;
    }

    @Override public long episodes() { return base.episodes(); }
    @Override public long nextTrainingEpisode(long e) { return base.nextTrainingEpisode(e); }
    @Override public int epochOf(long e) { return base.epochOf(e); }
    @Override public NudgeShape shape() { return base.shape(); }
    @Override public int nudgeSteps() { return base.nudgeSteps(); }
    @Override public double betaAtStep(long t) { return base.betaAtStep(t); }
    @Override public double betaImAtStep(long t) { return base.betaImAtStep(t); }
    @Override public double betaAtStep(long t, int o) { return base.betaAtStep(t, o); }
    @Override public double betaImAtStep(long t, int o) { return base.betaImAtStep(t, o); }
    @Override public long endTime() { return base.endTime(); }

    @Override
    public long episodeOfState(long t) {
        if (t != stateT) { stateE = base.episodeOfState(t); stateT = t; }
        return stateE;
    }

    @Override
    public long episodeOfStep(long t) {
        if (t != stepT) { stepE = base.episodeOfStep(t); stepT = t; }
        return stepE;
    }

    @Override
    public boolean isTraining(long e) {
        if (e != trainingE) { training = base.isTraining(e); trainingE = e; }
        return training;
    }

    @Override
    public long start(long e) {
        if (e != startE) { start = base.start(e); startE = e; }
        return start;
    }

    @Override
    public long freeSampleTime(long e) {
        if (e != freeE) { free = base.freeSampleTime(e); freeE = e; }
        return free;
    }

    @Override
    public long nudgedSampleTime(long e) {
        return pointSampleTime(e, 0);
    }

    @Override
    public long pointSampleTime(long e, int k) {
        if (e != pointE || k != pointK) { point = base.pointSampleTime(e, k); pointE = e; pointK = k; }
        return point;
    }

    @Override
    public long counterNudgedSampleTime(long e) {
        if (e != counterE) { counter = base.counterNudgedSampleTime(e); counterE = e; }
        return counter;
    }

    @Override
    public double beta(long e) {
        if (e != betaE) { beta = base.beta(e); betaE = e; }
        return beta;
    }

    @Override public long exampleStart(long e, int task) { return base.exampleStart(e, task); }
    @Override public long taskPointSampleTime(long x, int k) { return base.taskPointSampleTime(x, k); }
    @Override public int taskPhaseShift(long x, int task) { return base.taskPhaseShift(x, task); }
}
