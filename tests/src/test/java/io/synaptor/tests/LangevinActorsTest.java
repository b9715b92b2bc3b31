package io.synaptor.tests;

import io.synaptor.network.LangevinNetwork;
import io.synaptor.scenarios.bench.LangevinBenchmark;
import io.synaptor.scheduler.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * bench langevin's actors (one per slice, no barrier) give the one-thread run's bits, whatever the
 * slices and threads; and that run is the network's equations, re-derived here from the seed with
 * plain arrays and loops (no code shared with LangevinNetwork or OverdampedUnit).
 */
class LangevinActorsTest {
    private static final LangevinNetwork.Spec SPEC = new LangevinNetwork.Spec(400, 0.05, 1.0, 1.0, 0.1, 0.05, 17);

    @Test
    void actorsEqualOneThreadBitForBit() {
        double[] want = new LangevinNetwork(SPEC, 1).run(150);
        for (int[] sliceThreads : new int[][]{{4, 2}, {3, 1}, {7, 3}}) {
            LangevinNetwork net = new LangevinNetwork(SPEC, sliceThreads[0]);
            double[] got = LangevinBenchmark.actors(net, 150, sliceThreads[1]).states();
            assertArrayEquals(want, got, 0.0, sliceThreads[0] + " slices on " + sliceThreads[1] + " threads");
        }
    }

    /**
     * E = Σ_i a(s_i² − 1)² − ½ Σ_ij W_ij tanh s_i tanh s_j, every unit stepping
     * s_i ← s_i − dt[4a·s_i(s_i² − 1) − (1 − tanh² s_i)·Σ_j W_ij tanh s_j] + √(2T dt)·ξ_i from the others'
     * tanh at the same step (LangevinNetwork's javadoc; REFERENCES.md, "Measured on this kind of
     * machine"), with a dense W: pair i &lt; j coupled with probability p, W_ij = W_ji = g·N(0, 1)/√(p(N − 1)),
     * all from the seed's streams. Measured: largest deviation 0 over 150 steps (the same sums in the
     * same order); the bound 1e-12 leaves room for a reordered sum, far below a wrong term or step (≥ 1e-4).
     */
    @Test
    void oneThreadRunIsTheEquationsWrittenOut() {
        int n = SPEC.size();
        long seed = SPEC.seed();
        double[][] w = new double[n][n];
        SplittableRandom init = RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0);
        double scale = SPEC.coupling() / Math.sqrt(SPEC.connectivity() * (n - 1));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (init.nextDouble() < SPEC.connectivity()) w[i][j] = w[j][i] = scale * init.nextGaussian();
            }
        }
        double[] s = new double[n];
        SplittableRandom[] bath = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            s[i] = 3.0 * RandomStreams.uniform(seed, RandomStreams.Kind.UNIT, i, 0) - 1.5;
            bath[i] = RandomStreams.stream(seed, RandomStreams.Kind.UNIT, i);
        }
        double a = SPEC.barrier(), dt = SPEC.dt(), kick = Math.sqrt(2 * SPEC.temperature() * dt);
        double[] th = new double[n];
        for (int t = 0; t < 150; t++) {
            for (int i = 0; i < n; i++) th[i] = Math.tanh(s[i]);
            for (int i = 0; i < n; i++) {
                double h = 0;
                for (int j = 0; j < n; j++) h += w[i][j] * th[j];
                s[i] = s[i] - dt * (4 * a * s[i] * (s[i] * s[i] - 1) - (1 - th[i] * th[i]) * h) + kick * bath[i].nextGaussian();
            }
        }
        double[] reference = new LangevinNetwork(SPEC, 3).run(150);
        double worst = 0;
        for (int i = 0; i < n; i++) worst = Math.max(worst, Math.abs(reference[i] - s[i]));
        System.out.printf("[LangevinActorsTest] the network's run against its equations written out: largest deviation %.1e%n", worst);
        assertArrayEquals(s, reference, 1e-12);
    }
}
