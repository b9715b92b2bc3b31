package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full dense block learning by one-sided EP moves its weights by one product at the second sample
 * ({@link SampleDifference}, {@link CouplingBlock#addDifference}); checked against the same block learning
 * cell by cell — each weight's own {@link LearningRule} fed the minibatch correlations (BlockRule.perWeight) —
 * over training and evaluation episodes, with and without a per-epoch rate decay.
 */
class RuleBlockTest {
    private static final int A = 3;
    private static final int B = 4;
    private static final int BATCH = 5;

    /** train(3+2, β=.5) | eval(3) | train(2+4, β=−.25) | train(1+1, β=.1) | eval(2) | train(4+3, β=2); epochs of 2 episodes. */
    private static FakeSchedule schedule() {
        return new FakeSchedule().train(3, 2, 0.5).eval(3).train(2, 4, -0.25).train(1, 1, 0.1).eval(2).train(4, 3, 2.0).epochsOf(2);
    }

    @Test
    void oneProductMovesTheWeightsAsEveryCellsOwnRule() {
        compare(Optimizer.SGD);
    }

    @Test
    void aDecayingRateScalesTheProduct() {
        compare(Optimizer.sgd(0.5)); // epochs 0, 1, 2: factors 1, 0.5, 0.25
    }

    private static void compare(Optimizer optimizer) {
        FakeSchedule s = schedule();
        double[] rates = new double[A * B];
        java.util.Arrays.fill(rates, 0.3);
        BlockRule fast = Rules.createBlock("one-sided", s, rates, optimizer);
        assertNotNull(fast.difference(), "one-sided EP at one rate is a sample difference");
        LearningRule[] each = new LearningRule[A * B];
        for (int k = 0; k < each.length; k++) each[k] = Rules.create("one-sided", s, 0.3, optimizer);
        BlockRule slow = BlockRule.perWeight(each);
        assertNull(slow.difference());

        SplittableRandom r = new SplittableRandom(5);
        double[] w0 = new double[A * B];
        for (int k = 0; k < w0.length; k++) w0[k] = r.nextDouble() - 0.5;
        int[] ids = new int[A * B];
        for (int k = 0; k < ids.length; k++) ids[k] = 100 + k;
        RuleBlock byProduct = new RuleBlock(new CouplingBlock(A, B, BATCH, w0), ids, fast, false);
        RuleBlock byCell = new RuleBlock(new CouplingBlock(A, B, BATCH, w0), ids, slow, false);
        int moves = 0;
        for (long t = byCell.nextSampleTime(0); t < Long.MAX_VALUE; t = byCell.nextSampleTime(t + 1)) {
            assertEquals(byCell.nextSampleTime(t), byProduct.nextSampleTime(t));
            double[] rhoI = random(r, A * BATCH);
            double[] rhoJ = random(r, B * BATCH);
            boolean moved = byCell.learn(t, rhoI, rhoJ);
            assertEquals(moved, byProduct.learn(t, rhoI, rhoJ), "t = " + t);
            if (moved) moves++;
            for (int k = 0; k < A * B; k++) {
                assertEquals(byCell.weight(k), byProduct.weight(k), 1e-15, "t = " + t + ", weight " + k);
                if (moved) assertEquals(byCell.lastGradient(k), byProduct.lastGradient(k), 1e-14 * Math.abs(byCell.lastGradient(k)) + 1e-15);
            }
        }
        assertEquals(4, moves, "every training episode moves the weights once");
        for (int k = 0; k < A * B; k++) assertTrue(Math.abs(byProduct.weight(k) - w0[k]) > 1e-6, "weight " + k + " moved");
    }

    @Test
    void perCellRatesAndAdamStayCellByCell() {
        FakeSchedule s = schedule();
        assertNull(Rules.createBlock("one-sided", s, new double[]{0.1, 0.2}, Optimizer.SGD).difference());
        assertNull(Rules.createBlock("one-sided", s, new double[]{0.1, 0.1}, Optimizer.of("adam", 1.0)).difference());
        assertNotNull(Rules.createBlock("one-sided", s, new double[]{0.1, 0.1}, Optimizer.SGD).difference());
    }

    @Test
    void theEstimateIsLinearInTheDifference() {
        FakeSchedule none = new FakeSchedule().eval(3); // no training episode: centered EP needs no symmetric schedule
        TwoSampleRule[] rules = {new OneSidedEP(none, 0.1), new CenteredEP(none, 0.1)};
        SplittableRandom r = new SplittableRandom(3);
        for (TwoSampleRule rule : rules) {
            for (int n = 0; n < 100; n++) {
                double c1 = r.nextDouble() - 0.5;
                double c2 = r.nextDouble() - 0.5;
                double beta = (r.nextDouble() - 0.5) * 4;
                double want = rule.estimate(c1, c2, beta);
                assertEquals(want, rule.perDifference(beta) * (c2 - c1), 1e-13 * Math.abs(want), rule.getClass().getSimpleName());
            }
        }
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) v[k] = r.nextDouble();
        return v;
    }
}
