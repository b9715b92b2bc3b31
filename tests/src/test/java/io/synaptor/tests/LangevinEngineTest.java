package io.synaptor.tests;

import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LangevinNetwork;
import io.synaptor.bench.LangevinBenchmark;
import io.synaptor.scheduler.RandomStreams;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench langevin's network on the common actors (issue 19, "One engine"): at block granularity —
 * every coupling lateral, so the blocks inside one slice are exercised — and at unit granularity,
 * it follows the network's equations, written out here with dense arrays and loops (no code shared
 * with LangevinNetwork, OverdampedUnit or the actors); and every timing model gives the same bits
 * on 1 and 4 threads.
 */
class LangevinEngineTest {
    private static final LangevinNetwork.Spec SPEC = new LangevinNetwork.Spec(120, 0.1, 1.0, 1.0, 0.1, 0.05, 17);
    private static final int STEPS = 60;
    /** Each run takes well under a second; a protocol deadlock (lateral blocks once had one) fails after this. */
    private static final Duration STALL = Duration.ofSeconds(20);

    /**
     * E = Σ_i a(s_i² − 1)² − ½ Σ_ij W_ij tanh s_i tanh s_j (docs/performance.md, "bench langevin"); every unit
     * steps s_i ← s_i − dt[4a·s_i(s_i² − 1) − (1 − tanh² s_i)·Σ_j W_ij tanh s_j(t − D)] + √(2T dt)·ξ_i from rest,
     * the others' tanh D steps late (that of t = 0 until t = D; DESIGN.md, "Time"), with a dense W: pair i &lt; j
     * coupled with probability p, W_ij = W_ji = g·N(0, 1)/√(p(N − 1)), all from the seed's streams.
     */
    private static double[] equations(int delay) {
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
        for (int i = 0; i < n; i++) bath[i] = RandomStreams.stream(seed, RandomStreams.Kind.UNIT, i);
        double a = SPEC.barrier(), dt = SPEC.dt(), kick = Math.sqrt(2 * SPEC.temperature() * dt);
        double[][] th = new double[STEPS][n];
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < n; i++) th[t][i] = Math.tanh(s[i]);
            double[] seen = th[Math.max(0, t - delay)];
            for (int i = 0; i < n; i++) {
                double h = 0;
                for (int j = 0; j < n; j++) h += w[i][j] * seen[j];
                s[i] = s[i] - dt * (4 * a * s[i] * (s[i] * s[i] - 1) - (1 - th[t][i] * th[t][i]) * h) + kick * bath[i].nextGaussian();
            }
        }
        return s;
    }

    private static double[] actors(SimulationSpec sim, int threads) {
        return LangevinBenchmark.actors(sim, threads, null, STALL).states();
    }

    /**
     * Measured largest deviations from the equations over 60 steps: reference loop 0 (its sparse product adds
     * in the same order); actors, 4 slices 6.7e-16 (delay 1) and 4.8e-15 (delay 3), 2 slices 1.2e-15, unit granularity 4.2e-15 —
     * round-off of the field summed per block or synapse. The bound 5e-14 is 10× that and far below a wrong
     * term, step or delay (≥ 1e-4).
     */
    @ParameterizedTest(name = "delay {0}, {1} slices")
    @CsvSource({"1, 4", "3, 4", "1, 2", "1, 120"}) // 2: the bench's cut at N = 1,000 (one cross block)
    void actorsAndReferenceFollowTheEquations(int delay, int slices) {
        double[] want = equations(delay);
        LangevinNetwork net = new LangevinNetwork(SPEC);
        double[] reference = net.run(STEPS, delay);
        LangevinBenchmark.Options options = new LangevinBenchmark.Options(delay, 0, 1.0, null);
        SimulationSpec sim = LangevinBenchmark.simulation(net, STEPS, slices, options);
        if (slices == SPEC.size()) sim = sim.toBuilder().blockSize(1).build(); // unit granularity: an actor per unit and per coupling
        double[] got = actors(sim, 2);
        double worstReference = 0, worstActors = 0;
        for (int i = 0; i < want.length; i++) {
            worstReference = Math.max(worstReference, Math.abs(reference[i] - want[i]));
            worstActors = Math.max(worstActors, Math.abs(got[i] - want[i]));
        }
        System.out.printf("[LangevinEngineTest] delay %d, %d slices: reference %.1e, actors %.1e from the equations%n",
                delay, slices, worstReference, worstActors);
        assertArrayEquals(want, reference, 5e-14);
        assertArrayEquals(want, got, 5e-14);
        double meanSquare = java.util.Arrays.stream(got).map(x -> x * x).average().orElseThrow();
        assertTrue(meanSquare > 0.3, "the units left the barrier's top: ⟨s²⟩ = " + meanSquare);
    }

    /**
     * The bench's slice count: the largest s with s(s + 1)/2 blocks of ≥ M pairs each on average, by the
     * quadratic formula s = ⌊(√(1 + 8·pairs/M) − 1)/2⌋, capped by the request and at least 1 — here the
     * bench's two networks (49,873 and 498,221 pairs: 1 and 4 slices) and the edges of each step.
     */
    @ParameterizedTest(name = "{0} pairs, at most {1} slices")
    @CsvSource({"49873, 4", "498221, 4", "498221, 3", "59999, 4", "60000, 4", "119999, 4", "120000, 4", "19999, 4", "1, 1"})
    void sliceCountKeepsBlocksLarge(long pairs, int most) {
        double m = LangevinBenchmark.PAIRS_PER_BLOCK;
        int want = (int) Math.max(1, Math.min(most, Math.floor((Math.sqrt(1 + 8 * pairs / m) - 1) / 2)));
        assertEquals(want, LangevinBenchmark.slicesFor(pairs, most));
    }

    /**
     * Plain, and with delays of 3 steps, jitter, Poisson updates: with the trace on, the run's summary —
     * final states, message counts by kind, the trace's records — is the same on 1 and 4 threads; the
     * timing models change the run (so they reached the actors).
     */
    @ParameterizedTest(name = "delay {0}, jitter {1}, update rate {2}")
    @CsvSource({"1, 0, 1.0", "3, 2, 0.5"})
    void everyTimingModelIsDeterministicAcrossThreads(int delay, int jitter, double rate, @TempDir Path tmp) throws Exception {
        LangevinNetwork net = new LangevinNetwork(SPEC);
        LangevinBenchmark.Options options = new LangevinBenchmark.Options(delay, jitter, rate, null);
        SimulationSpec sim = LangevinBenchmark.simulation(net, STEPS, 4, options);
        RunResult one = LangevinBenchmark.actors(sim, 1, tmp.resolve("one.trace"), STALL).result();
        RunResult four = LangevinBenchmark.actors(sim, 4, tmp.resolve("four.trace"), STALL).result();
        for (int i = 0; i < SPEC.size(); i++) assertArrayEquals(one.states()[i], four.states()[i], 0.0, "unit " + i);
        assertEquals(one.sent(), four.sent());
        assertTrue(Files.size(tmp.resolve("one.trace")) > 0);
        assertEquals(Files.size(tmp.resolve("one.trace")), Files.size(tmp.resolve("four.trace")), "trace records"); // fixed-size binary records
        if (delay == 1) return;
        double[] plain = actors(LangevinBenchmark.simulation(net, STEPS, 4, LangevinBenchmark.Options.DEFAULT), 2);
        double moved = 0;
        for (int i = 0; i < plain.length; i++) moved = Math.max(moved, Math.abs(plain[i] - one.states()[i][0]));
        assertTrue(moved > 1e-3, "jitter, delays and Poisson updates changed nothing: " + moved);
    }
}
