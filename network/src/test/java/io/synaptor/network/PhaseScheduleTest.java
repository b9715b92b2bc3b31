package io.synaptor.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PhaseSchedule against an explicit list of episodes laid end to end. */
class PhaseScheduleTest {

    /** One episode of the enumeration: start, length, training?, epoch, batch index. */
    record Ep(long start, long length, boolean training, int epoch, int batchIndex) {
    }

    static List<Ep> enumerate(int batch, int t1, int t2, int epochs, int trainSize, int testSize) {
        int nTrain = trainSize / batch;                    // remainder dropped
        int nEval = (testSize + batch - 1) / batch;        // ceil
        List<Ep> eps = new ArrayList<>();
        long t = 0;
        for (int ep = 0; ep < epochs; ep++) {
            for (int k = 0; k < nTrain; k++) {
                eps.add(new Ep(t, t1 + t2, true, ep, k));
                t += t1 + t2;
            }
            for (int k = 0; k < nEval; k++) {
                eps.add(new Ep(t, t1, false, ep, k));
                t += t1;
            }
        }
        return eps;
    }

    static Stream<PhaseSchedule> schedules() {
        return Stream.of(
                new PhaseSchedule(2, 3, 2, 0.5, false, 11, 3, 5, 3),   // the brief's case
                new PhaseSchedule(1, 1, 1, 0.2, true, 12, 2, 3, 2),
                new PhaseSchedule(3, 4, 1, 1.0, false, 13, 2, 9, 7),
                new PhaseSchedule(4, 2, 5, 0.1, true, 14, 2, 4, 0),    // no test set
                new PhaseSchedule(2, 3, 2, 0.1, false, 15, 2, 0, 5));  // no training set
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void timeLineMatchesEnumeration(PhaseSchedule s) {
        List<Ep> eps = enumerate(s.batch(), s.freeSteps(), s.nudgeSteps(), s.epochs(), s.trainSize(), s.testSize());
        long end = eps.isEmpty() ? 0 : eps.get(eps.size() - 1).start() + eps.get(eps.size() - 1).length();
        assertEquals(eps.size(), s.episodes());
        assertEquals(end, s.endTime());
        for (int e = 0; e < eps.size(); e++) {
            Ep ep = eps.get(e);
            assertEquals(ep.start(), s.start(e), "start " + e);
            assertEquals(ep.length(), s.length(e), "length " + e);
            assertEquals(ep.training(), s.isTraining(e), "isTraining " + e);
            assertEquals(ep.epoch(), s.epochOf(e), "epochOf " + e);
            assertEquals(ep.batchIndex(), s.batchIndex(e), "batchIndex " + e);
            assertEquals(ep.start() + s.freeSteps(), s.freeSampleTime(e), "freeSampleTime " + e);
            if (ep.training()) assertEquals(ep.start() + ep.length(), s.nudgedSampleTime(e), "nudgedSampleTime " + e);
            long next = eps.size();
            for (int f = e; f < eps.size(); f++) {
                if (eps.get(f).training()) {
                    next = f;
                    break;
                }
            }
            assertEquals(next, s.nextTrainingEpisode(e), "nextTrainingEpisode " + e);
        }
        assertEquals(eps.size(), s.nextTrainingEpisode(eps.size()));
        for (long t = 0; t < end; t++) {
            long step = -1;
            for (int e = 0; e < eps.size(); e++) {
                if (eps.get(e).start() <= t && t < eps.get(e).start() + eps.get(e).length()) step = e;
            }
            assertEquals(step, s.episodeOfStep(t), "episodeOfStep " + t);
            double beta = 0.0;
            Ep ep = eps.get((int) step);
            if (ep.training() && t >= ep.start() + s.freeSteps()) beta = s.beta(step);
            assertEquals(beta, s.betaAtStep(t), 0.0, "betaAtStep " + t);
            if (beta != 0.0) assertEquals(s.beta(), Math.abs(beta), 0.0);
        }
        for (long t = end; t < end + 5; t++) {
            assertEquals(eps.size(), s.episodeOfStep(t), "past the end");
            assertEquals(0.0, s.betaAtStep(t), 0.0);
        }
        for (long t = 0; t <= end; t++) {
            long state = 0;
            for (int e = 0; e < eps.size(); e++) {
                if (eps.get(e).start() < t && t <= eps.get(e).start() + eps.get(e).length()) state = e;
            }
            assertEquals(state, s.episodeOfState(t), "episodeOfState " + t);
        }
        // nudged steps: exactly nTrain·epochs·T2 of them
        int nudged = 0;
        for (long t = 0; t < end; t++) if (s.betaAtStep(t) != 0.0) nudged++;
        assertEquals((long) s.epochs() * (s.trainSize() / s.batch()) * s.nudgeSteps(), nudged);
    }

    @Test
    void briefScheduleByHand() {
        // batch 2, T1 3, T2 2, train 5 → 2 train batches, test 3 → 2 eval batches; epoch = 2·5 + 2·3 = 16
        PhaseSchedule s = new PhaseSchedule(2, 3, 2, 0.5, false, 11, 3, 5, 3);
        assertEquals(2, s.trainEpisodesPerEpoch());
        assertEquals(2, s.evalEpisodesPerEpoch());
        assertEquals(16, s.epochLength());
        assertEquals(12, s.episodes());
        assertEquals(48, s.endTime());
        assertEquals(5, s.start(1));
        assertEquals(10, s.start(2));
        assertEquals(13, s.start(3));
        assertEquals(16, s.start(4));
        assertEquals(8, s.freeSampleTime(1));
        assertEquals(10, s.nudgedSampleTime(1));
        assertEquals(4, s.nextTrainingEpisode(2));
        assertEquals(0.0, s.betaAtStep(2), 0.0);
        assertEquals(0.5, s.betaAtStep(3), 0.0);
        assertEquals(0.5, s.betaAtStep(4), 0.0);
        assertEquals(0.0, s.betaAtStep(5), 0.0);
        assertEquals(0.0, s.betaAtStep(12), 0.0); // evaluation
    }

    /** A multiplexed nudge: output o feels β·e^{2πi m_k τ/W} of its task k in phase τ (β·cos for real nudges), nothing in the free phase. */
    @Test
    void multiplexedNudgesDifferPerOutput() {
        io.synaptor.synapses.FrequencyPlan plan = new io.synaptor.synapses.FrequencyPlan(new int[]{3, 5}, new int[]{0, 1, 1}, true);
        PhaseSchedule s = new PhaseSchedule(1, 4, 2, 0.2, false, 1, 1, 1, 0, io.synaptor.synapses.NudgeShape.multiplex(12, plan));
        assertEquals(4 + 12 * 2, s.endTime());
        for (int o = 0; o < 3; o++) assertEquals(0.0, s.betaAtStep(3, o), 0.0);
        for (int tau = 0; tau < 12; tau++) {
            for (int o = 0; o < 3; o++) {
                int m = o == 0 ? 3 : 5;
                for (long t = 4 + 2L * tau; t < 6 + 2L * tau; t++) {
                    assertEquals(0.2 * Math.cos(2 * Math.PI * m * tau / 12), s.betaAtStep(t, o), 1e-15, "t " + t + ", output " + o);
                    assertEquals(0.2 * Math.sin(2 * Math.PI * m * tau / 12), s.betaImAtStep(t, o), 1e-15, "t " + t + ", output " + o);
                }
            }
        }
        PhaseSchedule real = new PhaseSchedule(1, 4, 2, 0.2, false, 1, 1, 1, 0,
                io.synaptor.synapses.NudgeShape.multiplex(12, new io.synaptor.synapses.FrequencyPlan(new int[]{3, 5}, new int[]{0, 1, 1}, false)));
        assertEquals(0.2 * Math.cos(2 * Math.PI * 5 * 3 / 12.0), real.betaAtStep(4 + 6, 2), 1e-15);
        assertEquals(0.0, real.betaImAtStep(4 + 6, 2), 0.0);
        assertThrows(IllegalStateException.class, () -> s.betaAtStep(5)); // which output's? a multiplexed β needs one
    }

    /**
     * A warm-up of 5 phases before the window of 12: the episode is 5 phases longer, the window's sample points move
     * 5 phases later, and the warm-up runs the window's nudges one window earlier (phase τ − W ≡ τ), so the first
     * window phase follows on from the warm-up's last without a jump.
     */
    @Test
    void aMultiplexedWarmUpRunsTheSameNudgesBeforeTheWindow() {
        io.synaptor.synapses.FrequencyPlan plan = new io.synaptor.synapses.FrequencyPlan(new int[]{3, 5}, new int[]{0, 1}, true);
        PhaseSchedule plain = new PhaseSchedule(1, 4, 2, 0.2, false, 1, 1, 1, 0, io.synaptor.synapses.NudgeShape.multiplex(12, plan));
        PhaseSchedule warm = new PhaseSchedule(1, 4, 2, 0.2, false, 1, 1, 1, 0, io.synaptor.synapses.NudgeShape.multiplex(12, 5, plan));
        assertEquals(4 + 17 * 2, warm.endTime());
        for (int k = 0; k < 12; k++) assertEquals(plain.pointSampleTime(0, k) + 10, warm.pointSampleTime(0, k));
        for (int o = 0; o < 2; o++) {
            for (long t = 4 + 10; t < 4 + 34; t++) { // the window: as without the warm-up, 10 steps later
                assertEquals(plain.betaAtStep(t - 10, o), warm.betaAtStep(t, o), 0.0, "t " + t);
                assertEquals(plain.betaImAtStep(t - 10, o), warm.betaImAtStep(t, o), 0.0, "t " + t);
            }
            for (long t = 4; t < 14; t++) { // the warm-up: the window's last five phases
                assertEquals(plain.betaAtStep(t + 24 - 10, o), warm.betaAtStep(t, o), 0.0, "t " + t);
            }
            assertEquals(0.0, warm.betaAtStep(3, o), 0.0); // the free phase
        }
        assertThrows(IllegalArgumentException.class, () -> io.synaptor.synapses.NudgeShape.multiplex(12, -1, plan));
    }

    @Test
    void randomSignGivesBothSignsReproducibly() {
        PhaseSchedule s = new PhaseSchedule(1, 2, 2, 0.3, true, 2024, 1, 400, 0);
        PhaseSchedule same = new PhaseSchedule(1, 2, 2, 0.3, true, 2024, 1, 400, 0);
        PhaseSchedule other = new PhaseSchedule(1, 2, 2, 0.3, true, 2025, 1, 400, 0);
        int plus = 0, differ = 0;
        for (long e = 0; e < 400; e++) {
            double b = s.beta(e);
            assertEquals(0.3, Math.abs(b), 0.0);
            if (b > 0) plus++;
            assertEquals(b, same.beta(e), 0.0);
            if (b != other.beta(e)) differ++;
        }
        // Binomial(400, ½): σ = 10
        assertTrue(plus > 150 && plus < 250, "positive signs: " + plus);
        assertTrue(differ > 150 && differ < 250, "a different seed should flip about half: " + differ);
        PhaseSchedule fixed = new PhaseSchedule(1, 2, 2, 0.3, false, 2024, 1, 400, 0);
        for (long e = 0; e < 400; e++) assertEquals(0.3, fixed.beta(e), 0.0);
    }

    @Test
    void trainOrderIsAPermutationThatChangesPerEpoch() {
        PhaseSchedule s = new PhaseSchedule(4, 2, 2, 0.3, false, 77, 5, 50, 10);
        Set<String> orders = new HashSet<>();
        for (int epoch = 0; epoch < 5; epoch++) {
            int[] o = s.trainOrder(epoch);
            int[] sorted = o.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < 50; k++) assertEquals(k, sorted[k]);
            assertArrayEquals(o, s.trainOrder(epoch), "reproducible");
            orders.add(Arrays.toString(o));
            int fixedPoints = 0;
            for (int k = 0; k < 50; k++) if (o[k] == k) fixedPoints++;
            assertTrue(fixedPoints < 10, "suspiciously close to identity: " + fixedPoints);
        }
        assertEquals(5, orders.size(), "each epoch draws its own order");
        assertFalse(Arrays.equals(s.trainOrder(0), new PhaseSchedule(4, 2, 2, 0.3, false, 78, 5, 50, 10).trainOrder(0)));
    }

    @Test
    void exampleOrderCoversTrainingWithoutReplacementAndPadsEvaluation() {
        PhaseSchedule s = new PhaseSchedule(3, 2, 2, 0.3, false, 5, 3, 11, 7); // 3 train batches (2 dropped), 3 eval
        ExampleOrder order = new ExampleOrder(s);
        // visit epochs out of order to exercise the cache
        int[] epochVisit = {1, 0, 2, 1};
        int perEpoch = 6;
        for (int epoch : epochVisit) {
            int[] perm = s.trainOrder(epoch);
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < perEpoch; k++) {
                long e = (long) epoch * perEpoch + k;
                int[] idx = order.examples(e);
                assertEquals(3, idx.length);
                if (k < 3) {
                    assertTrue(s.isTraining(e));
                    assertEquals(3, s.validCount(e));
                    for (int m = 0; m < 3; m++) {
                        assertEquals(perm[3 * k + m], idx[m]);
                        assertTrue(seen.add(idx[m]), "example drawn twice in one epoch");
                    }
                } else {
                    assertFalse(s.isTraining(e));
                    int b = k - 3;
                    int valid = 0;
                    for (int m = 0; m < 3; m++) {
                        int raw = 3 * b + m;
                        assertEquals(raw % 7, idx[m]);
                        if (raw < 7) valid++;
                    }
                    assertEquals(valid, s.validCount(e), "validCount " + e);
                }
            }
            assertEquals(9, seen.size());
        }
        // hand values: eval batch 2 of epoch 0 is {6, 0, 1} with one valid example
        assertArrayEquals(new int[]{6, 0, 1}, order.examples(5));
        assertEquals(1, s.validCount(5));
        // the brief's schedule: test 3, batch 2 → {0,1} (2 valid) then {2,0} (1 valid)
        PhaseSchedule b = new PhaseSchedule(2, 3, 2, 0.5, false, 11, 3, 5, 3);
        ExampleOrder ob = new ExampleOrder(b);
        assertArrayEquals(new int[]{0, 1}, ob.examples(2));
        assertArrayEquals(new int[]{2, 0}, ob.examples(3));
        assertEquals(2, b.validCount(2));
        assertEquals(1, b.validCount(3));
    }

    @Test
    void constructorRejectsBadSchedules() {
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(0, 3, 2, 0.5, false, 1, 1, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(2, 0, 2, 0.5, false, 1, 1, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(2, 3, 0, 0.5, false, 1, 1, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(2, 3, 2, 0.5, false, 1, 0, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(2, 3, 2, 0.5, false, 1, 1, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(2, 3, 2, 0.5, false, 1, 1, 5, -1));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(4, 3, 2, 0.5, false, 1, 1, 3, 3));
    }

    /**
     * Issue 21, item 1: staggered tasks. Two tasks, an example of T1 = 10 and (2 + 10) phases of 5 = 70 steps in two
     * slots of 35; task 0's examples begin at slots 0, 2, 4, task 1's at 1, 3, 5; each example has T1 steps to leave
     * the last one and a warm-up of 2 phases before its window of 10. Each task's oscillation runs on from its first
     * example's start: in phase φ since then task k feels β cos 2πm_kφ/W.
     */
    @Test
    void staggeredTasksBeginTheirExamplesOneSlotApart() {
        io.synaptor.synapses.FrequencyPlan plan = new io.synaptor.synapses.FrequencyPlan(new int[]{3, 4}, new int[]{0, 1}, false);
        PhaseSchedule s = new PhaseSchedule(5, 10, 5, 0.3, false, 1, 1, 30, 0, io.synaptor.synapses.NudgeShape.multiplex(10, 2, plan).staggered(2));
        assertEquals(6, s.episodes());
        assertEquals(35, s.start(1));
        assertEquals(210, s.endTime());
        // task 0 (output 0) from step 0, task 1 (output 1) from its first example (slot 1, step 35)
        assertEquals(0.3, s.betaAtStep(0, 0));
        assertEquals(0.3 * Math.cos(2 * Math.PI * 6 / 10), s.betaAtStep(12, 0), 1e-15);
        for (long t = 0; t < 35; t++) assertEquals(0.0, s.betaAtStep(t, 1), "step " + t);
        assertEquals(0.3, s.betaAtStep(35, 1));
        assertEquals(0.3 * Math.cos(2 * Math.PI * 8 / 10), s.betaAtStep(47, 1), 1e-15);
        // no pause at an example's start: task 0's second example begins at step 70, in phase 14 of its oscillation
        assertEquals(0.3 * Math.cos(2 * Math.PI * 2 / 10), s.betaAtStep(70, 0), 1e-15);
        // each task's window: task 0 samples at 25, 30, …, 70; task 1 at 60, …, 105
        assertEquals(25, s.taskPointSampleTime(0, 0));
        assertEquals(70, s.taskPointSampleTime(0, 9));
        assertEquals(0, s.taskPoint(25, 0));
        assertEquals(9, s.taskPoint(70, 0));
        assertEquals(-1, s.taskPoint(26, 0));
        assertEquals(-1, s.taskPoint(25, 1));
        assertEquals(0, s.taskPoint(60, 1));
        assertEquals(9, s.taskPoint(105, 1));
        assertEquals(-1, s.taskPoint(110, 1)); // its next example's window begins at 130
        assertEquals(0, s.taskPoint(130, 1));
        // where the oscillation is when a window opens: phase 4 (10 steps + 2 phases in), then 18 mod 10 = 8 for task 0's second
        assertEquals(4, s.taskPhase(25, 0, s.taskPoint(25, 0)));
        assertEquals(8, s.taskPhase(95, 0, s.taskPoint(95, 0)));
        assertEquals(4, s.taskPhase(60, 1, s.taskPoint(60, 1)));
        // what a demodulator reads is the nudge its task felt: at every sample, the step before it was in that phase
        int[] m = {3, 4};
        for (int k = 0; k < 2; k++) {
            int samples = 0;
            for (long t = 1; t <= s.endTime(); t++) {
                int p = s.taskPoint(t, k);
                if (p < 0) continue;
                int q = s.taskPhase(t, k, p);
                samples++;
                for (long step = t - 5; step < t; step++) {
                    assertEquals(0.3 * Math.cos(2 * Math.PI * Math.floorMod(m[k] * q, 10) / 10), s.betaAtStep(step, k), 1e-15, "task " + k + ", step " + step);
                }
            }
            assertEquals(k == 0 ? 30 : 23, samples, "task " + k + "'s samples: three windows, task 1's third cut short by the run's end (200, 205, 210)");
        }
        // the rows are read in order (the caller lays them out); no evaluation episodes; slots must divide the example;
        // the free phase is whole nudge phases
        int[] inOrder = new int[30];
        for (int k = 0; k < 30; k++) inOrder[k] = k;
        assertArrayEquals(inOrder, s.trainOrder(0));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(5, 10, 5, 0.3, false, 1, 1, 30, 5,
                io.synaptor.synapses.NudgeShape.multiplex(10, 2, plan).staggered(2)));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(5, 10, 5, 0.3, false, 1, 1, 30, 0,
                io.synaptor.synapses.NudgeShape.multiplex(10, 1, plan).staggered(2)));
        assertThrows(IllegalArgumentException.class, () -> new PhaseSchedule(5, 12, 5, 0.3, false, 1, 1, 30, 0,
                io.synaptor.synapses.NudgeShape.multiplex(10, 2, plan).staggered(2)));
    }

    /**
     * A multiplexed synapse under staggered tasks samples at every phase end of either task's window and applies
     * each task's step when that task's window ends: at 70, 140, 210 (task 0) and 105, 175 (task 1; its example
     * from slot 5 would end after the run). Fed C(t) = β cos 2πm_0φ/W at task 0's phases φ of its oscillation, task
     * 0's estimate is −(2/(Wβ)) Σ β cos² = −1 (flat window, φ over a whole cycle), so its first step is −η·(−1) = η.
     */
    @Test
    void staggeredDemodulatorsLearnAtTheirOwnWindowEnds() {
        io.synaptor.synapses.FrequencyPlan plan = new io.synaptor.synapses.FrequencyPlan(new int[]{3, 4}, new int[]{0, 1}, false);
        PhaseSchedule s = new PhaseSchedule(5, 10, 5, 0.3, false, 1, 1, 30, 0, io.synaptor.synapses.NudgeShape.multiplex(10, 2, plan).staggered(2));
        io.synaptor.synapses.MultiplexedEP rule = new io.synaptor.synapses.MultiplexedEP(s, 0.2);
        assertEquals(70, rule.nextUpdateTime(0));
        assertEquals(105, rule.nextUpdateTime(71));
        assertEquals(25, rule.nextSampleTime(0));
        assertEquals(75, rule.nextSampleTime(71)); // task 0's window is over, task 1's runs to 105
        assertEquals(110, rule.nextSampleTime(106)); // task 0's next window, from 95
        List<Long> moved = new ArrayList<>();
        double first = Double.NaN;
        for (long t = rule.nextSampleTime(0); t <= s.endTime(); t = rule.nextSampleTime(t + 1)) {
            int p = s.taskPoint(t, 0);
            int q = p < 0 ? 0 : s.taskPhase(t, 0, p);
            double c = 0.3 * Math.cos(2 * Math.PI * 3 * q / 10.0);
            double dw = rule.observeCorrelation(t, c, 0.0);
            if (dw != 0.0) {
                moved.add(t);
                if (Double.isNaN(first)) first = dw;
            }
        }
        assertEquals(List.of(70L, 105L, 140L, 175L, 210L), moved);
        assertEquals(0.2, first, 1e-12);
    }

    /**
     * An example shown for several windows (multiplex.windows): T1 = 10, a warm-up of 2 phases and 3 windows of 10
     * phases of 5 steps = 170 steps an episode; the nudge runs on from window to window, and the synapse learns at
     * each window's end — 70, 120, 170, then 240, 290, 340 — each time −η·(−1) = η for a pure cosine.
     */
    @Test
    void anExampleShownForSeveralWindowsIsLearnedFromAtEachWindowsEnd() {
        io.synaptor.synapses.FrequencyPlan plan = new io.synaptor.synapses.FrequencyPlan(new int[]{3, 4}, new int[]{0, 1}, false);
        PhaseSchedule s = new PhaseSchedule(5, 10, 5, 0.3, false, 1, 1, 10, 0, io.synaptor.synapses.NudgeShape.multiplex(10, 2, plan).repeated(3));
        assertEquals(170, s.start(1));
        assertEquals(0, s.taskPoint(75, 0));
        assertEquals(9, s.taskPoint(120, 0));
        assertEquals(-1, s.taskPoint(175, 0)); // the next episode's free phase
        assertEquals(s.betaAtStep(20, 0), s.betaAtStep(70, 0)); // phase 0 of the first window and of the second
        io.synaptor.synapses.MultiplexedEP rule = new io.synaptor.synapses.MultiplexedEP(s, 0.2);
        assertEquals(70, rule.nextUpdateTime(0));
        assertEquals(120, rule.nextUpdateTime(71));
        assertEquals(170, rule.nextUpdateTime(121));
        List<Long> moved = new ArrayList<>();
        for (long t = rule.nextSampleTime(0); t <= s.endTime(); t = rule.nextSampleTime(t + 1)) {
            double dw = rule.observeCorrelation(t, 0.3 * Math.cos(2 * Math.PI * 3 * s.taskPoint(t, 0) / 10.0), 0.0);
            if (dw != 0.0) {
                moved.add(t);
                assertEquals(0.2, dw, 1e-12, "the step at " + t);
            }
        }
        assertEquals(List.of(70L, 120L, 170L, 240L, 290L, 340L), moved);
    }
}
