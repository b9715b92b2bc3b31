package io.synaptor.network;

import io.synaptor.synapses.DecayingRate;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.Rules;
import io.synaptor.synapses.ShiftedSchedule;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** η_e = η·γ^e: the decayed rule moves exactly γ^e times what the constant rule moves, e counted absolutely. */
class DecayingRateTest {
    @Test
    void scalesEachEpochByItsPower() {
        double gamma = 0.7;
        for (int firstEpoch : new int[]{0, 3}) {
            PhaseSchedule base = new PhaseSchedule(4, 6, 3, 0.3, false, 5, 3, 16, 8, NudgeShape.CENTERED, firstEpoch);
            NudgeSchedule clock = ShiftedSchedule.of(base, 2); // a skewed clock: the epoch follows the episode
            LearningRule constant = Rules.create("centered", clock, 0.1);
            LearningRule decayed = Rules.create("centered", clock, 0.1, Optimizer.sgd(gamma));
            assertTrue(decayed instanceof DecayingRate);
            SplittableRandom random = new SplittableRandom(9);
            int moves = 0;
            for (long t = constant.nextSampleTime(0); t < Long.MAX_VALUE; t = constant.nextSampleTime(t + 1)) {
                assertEquals(t, decayed.nextSampleTime(t));
                double c = random.nextDouble();
                double dw = constant.observeCorrelation(t, c, 0.0);
                double dd = decayed.observeCorrelation(t, c, 0.0);
                int epoch = base.epochOf(clock.episodeOfState(t));
                assertEquals(dw * Math.pow(gamma, epoch), dd, 0.0, "t = " + t);
                if (dw != 0.0) moves++;
            }
            assertEquals(3 * (16 / 4), moves, "one move per training batch");
        }
        assertThrows(IllegalArgumentException.class, () -> Rules.create("centered", new PhaseSchedule(4, 6, 3, 0.3, false, 5, 1, 16, 8), 0.1, Optimizer.sgd(1.5)));
    }
}
