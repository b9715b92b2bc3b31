package io.synaptor.tests;

import io.synaptor.actors.Engine;
import io.synaptor.actors.SamplerRun;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.network.AnnealingLadder;
import io.synaptor.network.Coupling;
import io.synaptor.network.DsmSubstrate;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.Role;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Annealed Langevin sampling on the actors (issue 20, docs/scenarios.md#thermo-diffusion) against its
 * equations written out here with plain arrays (no code shared with the sampler's models or the actors):
 * every substrate unit s ← s − dt(J₂s + J₄s³ − h − b), h = Σ_j W_ij v_j(t − 1) (v(0) until t = 1: DESIGN.md,
 * "Time"), inputs feel nothing; the conditioning units hold (σ, ln σ) of the level of their state time;
 * each coordinate x, at the last step of each relaxation window, x ← x + (α/2σ²)(x̂ − x) + √α·z with x̂ the
 * decoder's value one step before, α = ε σ²/σ_L², z from its own stream after its N(0, σ₁²) start; the
 * coordinates present g(σ)·x to the encoder, g = σ_d/√(σ_d² + σ²) at their state time's level. And the
 * same bits on 1 and 4 threads.
 */
class SamplerRunTest {
    private static final DsmSubstrate SUBSTRATE = new DsmSubstrate(2, 3, 3, 1, 0.8, 1.2, 0.6, 0.5);
    private static final AnnealingLadder LADDER = new AnnealingLadder(new double[]{0.8, 0.2}, 3, 5, 0.01);
    private static final int SAMPLES = 7;
    private static final long SEED = 9;
    private static final double DT = 0.2;

    private static NetworkSpec net() {
        NetworkSpec n = SUBSTRATE.network(DT, 0.0, 1, RandomStreams.stream(4, RandomStreams.Kind.INIT, 0));
        SplittableRandom r = new SplittableRandom(8);
        double[] b = new double[n.size()];
        for (int u = 0; u < b.length; u++) b[u] = n.roles()[u] == Role.INPUT ? 0 : 0.6 * r.nextDouble() - 0.3;
        return n.withParameters(n.weights(), b);
    }

    private static double[][] byHand(NetworkSpec net) {
        int n = net.size();
        int[] in = net.inputs();
        int[] out = net.outputs();
        Role[] roles = net.roles();
        double[][] v = new double[n][SAMPLES]; // values at the current state time
        SplittableRandom[] bath = new SplittableRandom[2];
        for (int d = 0; d < 2; d++) {
            bath[d] = RandomStreams.stream(SEED, RandomStreams.Kind.UNIT, in[d]);
            for (int b = 0; b < SAMPLES; b++) v[in[d]][b] = 0.8 * bath[d].nextGaussian();
        }
        Arrays.fill(v[in[2]], LADDER.sigmas()[0]);
        Arrays.fill(v[in[3]], Math.log(LADDER.sigmas()[0]));
        long end = 2L * 3 * 5;
        double[][] seen = null;
        for (long t = 0; t < end; t++) {
            int level = (int) Math.min(1, t / 15);
            double sigma = LADDER.sigmas()[level];
            double[][] now = new double[n][];
            for (int u = 0; u < n; u++) now[u] = v[u].clone();
            double[][] shown = new double[n][]; // what the units present: the coordinates with the input gain σ_d/√(σ_d² + σ²)
            for (int u = 0; u < n; u++) shown[u] = now[u].clone();
            for (int d = 0; d < 2; d++) for (int b = 0; b < SAMPLES; b++) shown[in[d]][b] *= 0.5 / Math.sqrt(0.25 + sigma * sigma);
            if (seen == null) seen = shown; // time 0's values are in force from 0
            double[][] h = new double[n][SAMPLES];
            for (Coupling c : net.couplings()) {
                for (int b = 0; b < SAMPLES; b++) {
                    if (roles[c.i()] != Role.INPUT) h[c.i()][b] += c.weight() * seen[c.j()][b];
                    if (roles[c.j()] != Role.INPUT) h[c.j()][b] += c.weight() * seen[c.i()][b];
                }
            }
            double[][] next = new double[n][];
            for (int u = 0; u < n; u++) {
                next[u] = now[u].clone();
                if (roles[u] == Role.INPUT) continue;
                for (int b = 0; b < SAMPLES; b++) {
                    double s = now[u][b];
                    next[u][b] = s - DT * (0.8 * s + 1.2 * s * s * s - (h[u][b] + net.biases()[u]));
                }
            }
            if (t % 5 == 4) {
                double alpha = 0.01 * sigma * sigma / (0.2 * 0.2);
                for (int d = 0; d < 2; d++) {
                    for (int b = 0; b < SAMPLES; b++) {
                        double x = now[in[d]][b];
                        next[in[d]][b] = x + alpha / (2 * sigma * sigma) * (seen[out[d]][b] - x) + Math.sqrt(alpha) * bath[d].nextGaussian();
                    }
                }
            }
            seen = shown;
            v = next;
            // the conditioning units' value at the new state time is the embedding of that time's level
            int nextLevel = (int) Math.min(1, (t + 1) / 15);
            Arrays.fill(v[in[2]], LADDER.sigmas()[nextLevel]);
            Arrays.fill(v[in[3]], Math.log(LADDER.sigmas()[nextLevel]));
        }
        double[][] x = new double[SAMPLES][2];
        for (int d = 0; d < 2; d++) for (int b = 0; b < SAMPLES; b++) x[b][d] = v[in[d]][b];
        return x;
    }

    private static double[][] actors(NetworkSpec net, int threads, int blockSize) throws Exception {
        Engine engine = new Engine(1, new Timing(UpdateModel.everyStep(net.size()), 0, 0.0, 0, SEED),
                () -> new SimulationRunner.Runtime(threads, 100, Duration.ofMinutes(2)));
        return SamplerRun.sample(net, SUBSTRATE::gain, LADDER, SAMPLES, SEED, engine, blockSize);
    }

    /**
     * Unit granularity, and block granularity at 2 and 64 units per slice (populations cut in pieces, and whole):
     * each against the equations; each the same bits on 1 and 4 threads. Measured: largest deviation 4.4e-16
     * (the field's running sum against the fresh sum here); bound 1e-12.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64})
    void actorsFollowTheEquationsAndGiveTheSameBitsOnAnyThreadCount(int blockSize) throws Exception {
        NetworkSpec net = net();
        double[][] want = byHand(net);
        double[][] one = actors(net, 1, blockSize);
        double worst = 0;
        for (int b = 0; b < SAMPLES; b++) {
            for (int d = 0; d < 2; d++) {
                assertEquals(want[b][d], one[b][d], 1e-12, "sample " + b + ", coordinate " + d);
                worst = Math.max(worst, Math.abs(want[b][d] - one[b][d]));
            }
        }
        System.out.printf("[SamplerRunTest] block size %d: actors against the equations, largest deviation %.1e%n", blockSize, worst);
        double[][] four = actors(net, 4, blockSize);
        for (int b = 0; b < SAMPLES; b++) assertArrayEquals(one[b], four[b], 0.0, "sample " + b + " on 4 threads");
    }
}
