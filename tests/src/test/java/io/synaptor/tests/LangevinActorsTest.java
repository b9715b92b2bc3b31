package io.synaptor.tests;

import io.synaptor.network.LangevinNetwork;
import io.synaptor.scenarios.bench.LangevinBenchmark;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** bench langevin's actors (one per slice, no barrier) give the one-thread run's bits, whatever the slices and threads. */
class LangevinActorsTest {
    @Test
    void actorsEqualOneThreadBitForBit() {
        LangevinNetwork.Spec spec = new LangevinNetwork.Spec(400, 0.05, 1.0, 1.0, 0.1, 0.05, 17);
        double[] want = new LangevinNetwork(spec, 1).run(150);
        for (int[] sliceThreads : new int[][]{{4, 2}, {3, 1}, {7, 3}}) {
            LangevinNetwork net = new LangevinNetwork(spec, sliceThreads[0]);
            double[] got = LangevinBenchmark.actors(net, 150, sliceThreads[1]).states();
            assertArrayEquals(want, got, 0.0, sliceThreads[0] + " slices on " + sliceThreads[1] + " threads");
        }
    }
}
