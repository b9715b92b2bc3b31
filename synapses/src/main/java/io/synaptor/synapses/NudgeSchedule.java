package io.synaptor.synapses;

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

    /** The episode's first step (its state times begin just after it). */
    long start(long episode);

    /** The first training episode ≥ episode, or {@link #episodes()} if there is none. */
    long nextTrainingEpisode(long episode);

    /** State time at the end of the free phase (the free "fixed point"). */
    long freeSampleTime(long episode);

    /** State time at the end of the nudged phase; only meaningful for training episodes. */
    long nudgedSampleTime(long episode);

    /** Signed β of a training episode (its sign may be drawn at random, from the seed). */
    double beta(long episode);

    /** β felt during the step t → t+1: zero outside nudged phases. */
    default double betaAtStep(long t) {
        long e = episodeOfStep(t);
        if (e >= episodes() || !isTraining(e) || t < freeSampleTime(e)) return 0.0;
        return beta(e);
    }

    /** Last state time of the run. */
    long endTime();
}
