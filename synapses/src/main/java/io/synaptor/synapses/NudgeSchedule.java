package io.synaptor.synapses;

import java.util.function.LongUnaryOperator;

/**
 * What a synapse (or a unit) may know about the nudge protocol from its own clock alone: the
 * schedule β(t) is part of the spec, so nobody sends phase messages (DESIGN.md, "Learning rules").
 *
 * <p>Time is counted in integration steps. An episode e owns the state times
 * (start(e), start(e) + length(e)] and the steps [start(e), start(e) + length(e)); episode 0 also
 * owns state time 0. A training episode relaxes freely for T1 steps, then is nudged for T2 steps.
 */
public interface NudgeSchedule {
    long episodes();

    /** The episode whose state times include t. */
    long episodeOfState(long t);

    /** The episode whose steps include the step t → t+1. */
    long episodeOfStep(long t);

    boolean isTraining(long episode);

    /** The absolute training epoch an episode belongs to (a schedule without epochs has only epoch 0). */
    default int epochOf(long episode) {
        return 0;
    }

    /** The episode's first step (its state times begin just after it). */
    long start(long episode);

    /** The first training episode ≥ episode, or {@link #episodes()} if there is none. */
    long nextTrainingEpisode(long episode);

    /** State time at the end of the free phase (the free "fixed point"). */
    long freeSampleTime(long episode);

    /** State time at the end of the (+β) nudged phase; only meaningful for training episodes. */
    default long nudgedSampleTime(long episode) {
        return pointSampleTime(episode, 0);
    }

    /** The shape of the nudge after the free phase (one-sided, centered, a circle of complex β, oscillating). */
    default NudgeShape shape() {
        return NudgeShape.ONE_SIDED;
    }

    /** T2: steps of each nudged phase, or of one period of an oscillating nudge. */
    int nudgeSteps();

    /** State time at the end of nudged phase (or period) k of a training episode, k < shape().points(). */
    long pointSampleTime(long episode, int k);

    /**
     * The episode in which the example task {@code task} shows at {@code episode} began: the episode itself, unless the
     * shape staggers its tasks ({@link NudgeShape#stagger()}); then it may be earlier, even negative (an example
     * the run never began).
     */
    default long exampleStart(long episode, int task) {
        return episode;
    }

    /** State time at the end of nudged phase k of the example that began in episode {@code example} (see {@link #exampleStart}). */
    default long taskPointSampleTime(long example, int k) {
        return pointSampleTime(example, k);
    }

    /**
     * Where in its oscillation task {@code task} is when the window of {@code example} opens, in phases modulo W: 0 when
     * every window starts the oscillation afresh (lockstep); staggered tasks' oscillations run on ({@link NudgeShape}).
     */
    default int taskPhaseShift(long example, int task) {
        return 0;
    }

    /**
     * The phase of its oscillation (0 … W − 1) in which task {@code task} samples at state time t, where it samples
     * window point {@code point} ({@link #taskPoint}, ≥ 0): the point advanced by {@link #taskPhaseShift}.
     */
    default int taskPhase(long t, int task, int point) {
        return Math.floorMod(taskPhaseShift(exampleStart(episodeOfState(t), task), task) + point, shape().points());
    }

    /**
     * Which point of its window task {@code task} samples at state time t — k when t ends nudged phase k of a window
     * of the task's current example, which the run began — or −1: how a multiplexed synapse's demodulators read their
     * tasks' phases from its own clock.
     */
    default int taskPoint(long t, int task) {
        long x = exampleStart(episodeOfState(t), task);
        if (x < 0 || x >= episodes() || !isTraining(x)) return -1;
        long first = taskPointSampleTime(x, 0);
        if (t < first || (t - first) % nudgeSteps() != 0) return -1;
        long k = (t - first) / nudgeSteps(); // phases into the first window; an example may be shown for several
        return k < (long) shape().points() * shape().windows() ? (int) (k % shape().points()) : -1;
    }

    /**
     * State time at the end of the −β phase of a symmetric schedule, which starts again from the
     * free state; −1 when the schedule has a single nudged phase.
     */
    default long counterNudgedSampleTime(long episode) {
        return -1;
    }

    /** Signed β of a training episode (its sign may be drawn at random, from the seed). */
    double beta(long episode);

    /**
     * The first step ≥ t at which a symmetric schedule's −β phase begins: units spend it returning
     * to the free state they had at the end of that episode's free phase. Long.MAX_VALUE if none.
     */
    default long restoreStep(long t) {
        long first = nextTrainingEpisode(0);
        if (first >= episodes() || counterNudgedSampleTime(first) < 0) return Long.MAX_VALUE;
        return nextTrainingTime(t, this::nudgedSampleTime, this::nudgedSampleTime);
    }

    /**
     * The first time ≥ t that lies in the window [from(e), to(e)] of some training episode e (a
     * point when from = to): how rules find their next sample or update from their own clock.
     * Long.MAX_VALUE if there is none. O(1) amortised over a run.
     */
    default long nextTrainingTime(long t, LongUnaryOperator from, LongUnaryOperator to) {
        long e = nextTrainingEpisode(Math.min(episodes(), Math.max(0, episodeOfState(t))));
        while (e < episodes()) {
            if (to.applyAsLong(e) >= t) return Math.max(t, from.applyAsLong(e));
            e = nextTrainingEpisode(e + 1);
        }
        return Long.MAX_VALUE;
    }

    /**
     * The first time ≥ t on the grid from(e), from(e) + step, … up to to(e) of some training episode e: how the
     * rules that sample at the end of every phase (holomorphic, multiplexed, running-average) find their next sample.
     */
    default long nextTrainingTimeOnGrid(long t, LongUnaryOperator from, LongUnaryOperator to, long step) {
        long x = nextTrainingTime(t, from, to);
        if (x == Long.MAX_VALUE) return x;
        long f = from.applyAsLong(episodeOfState(x));
        return f + Math.floorDiv(x - f + step - 1, step) * step; // round up to the grid
    }

    /** Real part of β felt during the step t → t+1: zero outside nudged phases. */
    double betaAtStep(long t);

    /** Imaginary part of β felt during the step t → t+1 (non-zero only for complex shapes). */
    default double betaImAtStep(long t) {
        return 0.0;
    }

    /**
     * Real part of the β output {@code output} (in the network's output order) feels during the step t → t+1:
     * the same for every output, except under a multiplexed nudge, where each task's outputs have their own
     * ({@link FrequencyPlan}).
     */
    default double betaAtStep(long t, int output) {
        return betaAtStep(t);
    }

    /** Imaginary part of the β output {@code output} feels during the step t → t+1. */
    default double betaImAtStep(long t, int output) {
        return betaImAtStep(t);
    }

    /** Last state time of the run. */
    long endTime();
}
