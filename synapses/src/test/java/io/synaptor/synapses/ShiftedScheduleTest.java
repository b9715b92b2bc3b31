package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A clock that runs d steps late (issue 4, clock skew): every time it answers is the base schedule's
 * plus d, β(t) is the base's β(t − d), and before d nothing has begun (β = 0, episode 0). Checked
 * against tables written out by hand for one schedule and d = 2, then against the formula for other d.
 */
class ShiftedScheduleTest {
    /** Base: training episode [0, 5) (3 free + 2 nudged, β = ½), evaluation [5, 9), training [9, 14) (2 + 3, β = −¼). */
    private static FakeSchedule base() {
        return new FakeSchedule().train(3, 2, 0.5).eval(4).train(2, 3, -0.25);
    }

    @Test
    void twoStepsLateByHand() {
        NudgeSchedule late = ShiftedSchedule.of(new Symmetric(base()), 2);
        double[] beta = new double[18];
        long[] ofStep = new long[18];
        long[] ofState = new long[18];
        for (int t = 0; t < 18; t++) {
            beta[t] = late.betaAtStep(t);
            ofStep[t] = late.episodeOfStep(t);
            ofState[t] = late.episodeOfState(t);
            assertEquals(2 * beta[t], late.betaImAtStep(t), 0.0);
        }
        //                       t = 0  1  2  3  4  5    6    7  8  9 10 11 12 13     14     15     16 17
        assertArrayEquals(new double[]{0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, -0.25, -0.25, -0.25, 0, 0}, beta, 0.0);
        assertArrayEquals(new long[]{0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3}, ofStep);
        assertArrayEquals(new long[]{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3}, ofState);
        long[][] times = new long[3][];
        for (int e = 0; e < 3; e++) {
            times[e] = new long[]{late.start(e), late.freeSampleTime(e), late.pointSampleTime(e, 0), late.counterNudgedSampleTime(e)};
        }
        assertArrayEquals(new long[]{2, 5, 7, 7}, times[0]);
        assertArrayEquals(new long[]{7, 11, 11, -1}, times[1]); // no −β phase: −1 stays −1
        assertArrayEquals(new long[]{11, 13, 16, 16}, times[2]);
        assertEquals(16, late.endTime());
        // what belongs to an episode, not to a time, is the base's
        assertEquals(3, late.episodes());
        assertEquals(-0.25, late.beta(2), 0.0);
        assertFalse(late.isTraining(1));
        assertEquals(2, late.nextTrainingEpisode(1));
        assertEquals(2, late.nudgeSteps());
    }

    /** For any d: times are the base's + d, answers at t are the base's at t − d, and before d the run has not begun. */
    @Test
    void anyOffsetIsTheBaseSchedulePushedLater() {
        NudgeSchedule base = new Symmetric(base());
        for (long d : new long[]{1, 3, 7}) {
            NudgeSchedule late = ShiftedSchedule.of(base, d);
            for (long t = 0; t < base.endTime() + d + 3; t++) {
                double beta = t < d ? 0.0 : base.betaAtStep(t - d);
                assertEquals(beta, late.betaAtStep(t), 0.0, "d = " + d + ", t = " + t);
                assertEquals(2 * beta, late.betaImAtStep(t), 0.0, "d = " + d + ", t = " + t);
                assertEquals(base.episodeOfStep(Math.max(0, t - d)), late.episodeOfStep(t), "d = " + d + ", t = " + t);
                assertEquals(base.episodeOfState(Math.max(0, t - d)), late.episodeOfState(t), "d = " + d + ", t = " + t);
            }
            for (long e = 0; e < base.episodes(); e++) {
                assertEquals(base.start(e) + d, late.start(e));
                assertEquals(base.freeSampleTime(e) + d, late.freeSampleTime(e));
                assertEquals(base.pointSampleTime(e, 0) + d, late.pointSampleTime(e, 0));
                long counter = base.counterNudgedSampleTime(e);
                assertEquals(counter < 0 ? -1 : counter + d, late.counterNudgedSampleTime(e));
                assertEquals(base.isTraining(e), late.isTraining(e));
                assertEquals(base.beta(e), late.beta(e), 0.0);
            }
            assertEquals(base.endTime() + d, late.endTime());
        }
        assertSame(base, ShiftedSchedule.of(base, 0)); // no skew: the base itself
    }

    /**
     * A base with the parts FakeSchedule leaves at their defaults: a −β phase ending with each
     * training episode, and an imaginary β twice the real one.
     */
    private record Symmetric(FakeSchedule f) implements NudgeSchedule {
        @Override public long episodes() { return f.episodes(); }
        @Override public long episodeOfState(long t) { return f.episodeOfState(t); }
        @Override public long episodeOfStep(long t) { return f.episodeOfStep(t); }
        @Override public boolean isTraining(long e) { return f.isTraining(e); }
        @Override public long start(long e) { return f.start(e); }
        @Override public long nextTrainingEpisode(long e) { return f.nextTrainingEpisode(e); }
        @Override public long freeSampleTime(long e) { return f.freeSampleTime(e); }
        @Override public int nudgeSteps() { return f.nudgeSteps(); }
        @Override public long pointSampleTime(long e, int k) { return f.pointSampleTime(e, k); }
        @Override public long counterNudgedSampleTime(long e) { return f.isTraining(e) ? f.pointSampleTime(e, 0) : -1; }
        @Override public double beta(long e) { return f.beta(e); }
        @Override public double betaAtStep(long t) { return f.betaAtStep(t); }
        @Override public double betaImAtStep(long t) { return 2 * f.betaAtStep(t); }
        @Override public long endTime() { return f.endTime(); }
    }
}
