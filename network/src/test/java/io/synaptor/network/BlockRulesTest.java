package io.synaptor.network;

import io.synaptor.synapses.BlockClock;
import io.synaptor.synapses.BlockRule;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A block's rule ({@link Rules#createBlock}: decided once for the block, state in arrays) changes
 * every weight by the same bits, and leaves the same gradient estimates, as one rule per weight
 * asked in turn — over a whole schedule of training and test episodes; also
 * with Adam's per-weight moments ({@link io.synaptor.synapses.AdaptiveStep}) under the decay.
 */
class BlockRulesTest {
    @ParameterizedTest
    @CsvSource({"one-sided, 1.0, sgd", "centered, 1.0, sgd", "centered, 0.8, sgd", "one-sided, 0.5, sgd", "holomorphic, 0.9, sgd",
            "chl, 1.0, sgd", "continual, 1.0, sgd", "one-sided, 1.0, adam", "centered, 0.8, adam", "holomorphic, 0.9, adam",
            "chl, 1.0, adam", "continual, 0.9, adam"})
    void blockFormEqualsRuleByRule(String name, double decay, String optimizer) {
        Optimizer steps = Optimizer.of(optimizer, decay);
        NudgeShape shape = Rules.named(name).shape(NudgeShape.circle(4));
        NudgeSchedule base = new PhaseSchedule(4, 6, 3, 0.3, true, 5, 3, 24, 8, shape);
        int n = 30;
        double[] rates = new double[n];
        for (int k = 0; k < n; k++) rates[k] = 0.1 + 0.01 * (k % 2);
        NudgeSchedule clock = new BlockClock(base);
        LearningRule[] one = new LearningRule[n];
        for (int k = 0; k < n; k++) one[k] = Rules.create(name, clock, rates[k], steps);
        BlockRule block = Rules.createBlock(name, new BlockClock(base), rates, steps);
        SplittableRandom random = new SplittableRandom(9);
        double[] re = new double[n];
        double[] im = new double[n];
        double[] dwOne = new double[n];
        double[] dwBlock = new double[n];
        int moves = 0;
        for (long t = block.nextSampleTime(0); t < Long.MAX_VALUE; t = block.nextSampleTime(t + 1)) {
            assertEquals(one[0].nextSampleTime(t), t);
            assertEquals(one[0].nextUpdateTime(t), block.nextUpdateTime(t));
            for (int k = 0; k < n; k++) {
                re[k] = random.nextDouble() - 0.5;
                im[k] = random.nextDouble() - 0.5;
            }
            boolean anyOne = false;
            for (int k = 0; k < n; k++) {
                dwOne[k] = one[k].observeCorrelation(t, re[k], im[k]);
                anyOne |= dwOne[k] != 0.0;
            }
            boolean moved = block.observe(t, re, im, dwBlock);
            assertEquals(anyOne, moved, "t = " + t);
            if (!moved) continue; // dw is the block's to leave as it was when nothing moves (BlockRule.observe)
            for (int k = 0; k < n; k++) {
                assertEquals(Double.doubleToRawLongBits(dwOne[k]), Double.doubleToRawLongBits(dwBlock[k]), "t = " + t + ", weight " + k);
                if (dwOne[k] != 0.0) moves++;
            }
        }
        assertTrue(moves >= 3 * 6 * n, name + ": every weight moves in every training episode, got " + moves + " moves");
        for (int k = 0; k < n; k++) {
            assertEquals(Double.doubleToRawLongBits(one[k].lastGradient()), Double.doubleToRawLongBits(block.lastGradient(k)));
        }
        assertEquals(one[0].complex(), block.complex());
    }
}
