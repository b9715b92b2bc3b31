package io.synaptor.tests;

import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.NoisingSchedule;
import io.synaptor.network.OscillatorNetwork;
import io.synaptor.network.ProtocolRule;
import io.synaptor.actors.oscillators.ProtocolDriver;
import io.synaptor.actors.oscillators.ProtocolRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The oscillator and coupling actors (one per oscillator and per coupling, no barrier) train and
 * sample with the bits of the single-threaded reference {@link OscillatorNetwork}, for both rules, on
 * a 4-oscillator graph with a cycle and a leaf, on 1 and 3 threads: deterministic whatever the thread count.
 */
class OscillatorActorsTest {
    private static final NoisingSchedule SCHEDULE = new NoisingSchedule(0.8, 0.02, 1.5);
    private static final OscillatorNetwork.Spec SPEC = new OscillatorNetwork.Spec(4,
            List.of(new int[]{0, 1}, new int[]{1, 2}, new int[]{2, 0}, new int[]{3, 2}), SCHEDULE, 5, 0.02, 1.0);

    private static double[][] data() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] d = new double[60][4];
        for (double[] p : d) for (int i = 0; i < 4; i++) p[i] = (i % 2 == 0 ? 1 : -1) * (r.nextBoolean() ? 1 : -0.5) + 0.2 * r.nextGaussian();
        return d;
    }

    @Test
    void actorsGiveTheReferenceBitsOnAnyThreadCount() {
        for (ProtocolRule rule : ProtocolRule.values()) {
            OscillatorNetwork.Learning learning = new OscillatorNetwork.Learning(rule, 0.05, 0.05);
            int epochs = 3;
            OscillatorNetwork ref = new OscillatorNetwork(SPEC);
            SplittableRandom[] noise = ProtocolRun.noise(77, 4);
            DenoisingBatches batches = new DenoisingBatches(data(), SCHEDULE, rule, 0.05, 20, 9);
            List<Double> epochLoss = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                double loss = 0;
                for (int k = 0; k < batches.batchesPerEpoch(); k++) loss += ref.train(batches.next(), learning, noise);
                epochLoss.add(loss / (batches.batchesPerEpoch() * 20.0));
            }
            double[][] want = ref.sample(50, noise);
            for (int threads : new int[]{1, 3}) {
                ProtocolDriver.Outcome got = ProtocolRun.run(SPEC, learning, new DenoisingBatches(data(), SCHEDULE, rule, 0.05, 20, 9),
                        epochs, 50, 77, threads, (e, l) -> { });
                String what = rule + " on " + threads + " thread(s)";
                assertEquals(epochLoss, got.epochLoss(), what);
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(want[i], got.samples()[i], 0.0, what + ", oscillator " + i);
                    for (int p = 0; p < 3; p++) assertArrayEquals(ref.oscillator(i).knots()[p], got.knots()[i][p], 0.0, what);
                }
                // the couplings' learned J(t), as the export writes them (issue 17, item 4)
                assertEquals(SPEC.couplings().size(), got.couplingKnots().length, what);
                for (int c = 0; c < got.couplingKnots().length; c++) {
                    assertArrayEquals(ref.coupling(c).knots(), got.couplingKnots()[c], 0.0, what + ", coupling " + c);
                }
            }
        }
    }
}
