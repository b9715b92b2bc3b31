package io.synaptor.tests;

import io.synaptor.network.DenoisingBatches;
import io.synaptor.network.NoisingSchedule;
import io.synaptor.network.OscillatorNetwork;
import io.synaptor.network.ProtocolRule;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProtocolRun;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.scheduler.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driven oscillators on the common actors (one unit actor per oscillator, one synapse actor per
 * coupling, no barrier; {@link ProtocolRun}) train and sample as the single-threaded reference
 * {@link OscillatorNetwork} does, for both rules, on a 4-oscillator graph with a cycle and a leaf, for
 * link delays 1 and 3 — to round-off, since a unit's field is the running sum of its drives — with the
 * same bits on 1 and 3 threads. And that reference is the equations of docs/scenarios.md#gmm-sampler,
 * written out in {@link ByHand} with plain arrays and loops (no code shared with the oscillators,
 * couplings or protocol parameters): the same minibatches (the experimenter's data, not re-derived) and
 * the same noise streams. Every timing model (jitter, loss, Poisson updates, windows, send-on-delta,
 * the trace) gives the same bits on 1 and 4 threads.
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

    /**
     * Measured: largest deviation 1.3e-15 for both rules (rounding), bound 1e-14: far below what a
     * wrong term, sign or step moves.
     */
    private static double close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-14, what);
        return Math.abs(expected - actual);
    }

    /**
     * The gmm-sampler equations (docs/scenarios.md#gmm-sampler), by oscillator then example:
     * F_i = −a_i x_i − b_i − c_i x_i³ − Σ_j J_ij x_j (couplings in increasing index), every parameter
     * piecewise linear over K knots t_k = k·t_max/(K−1) (the end knots hold outside); force matching
     * e = F − F*, CD-1 e = (x + ΔF + √(2TΔ)ξ − x_{t−Δ})/Δ; loss Σ_i Σ_b ½λ_b e_ib²; knots
     * θ_k ← θ_k − η/B Σ_b λ_b w_k(t_b) ∂L/∂p with ∂F/∂(a, b, c, J_ij) = −(x, 1, x³, x_j), c projected
     * onto c ≥ 0; sampling from N(0, T) at t_max, x ← x + dt·F + √(2T·dt)ξ at t = t_max − s·dt, down
     * to t_min, the couplings' forces D steps late: −J(t_{s'})·x_j(s'), s' = max(0, s − D). Noise: oscillator i's stream (seed 77, UNIT, i), drawn in example order.
     */
    private static final class ByHand {
        final double[][][] theta = new double[4][3][SPEC.knots()]; // a, b, c of each oscillator
        final double[][] j = new double[SPEC.couplings().size()][SPEC.knots()];
        private final ProtocolRule rule;
        private final OscillatorNetwork.Learning learning;
        private final SplittableRandom[] noise = new SplittableRandom[4];
        private final double temperature = SCHEDULE.temperature();

        ByHand(ProtocolRule rule, OscillatorNetwork.Learning learning) {
            this.rule = rule;
            this.learning = learning;
            for (int i = 0; i < 4; i++) {
                Arrays.fill(theta[i][0], SPEC.initialStiffness());
                noise[i] = RandomStreams.stream(77, RandomStreams.Kind.UNIT, i);
            }
        }

        /** The knot k below t and the weight f of the knot above. */
        private static double[] where(double t) {
            int last = SPEC.knots() - 1;
            double u = Math.max(0, Math.min(last, t / SCHEDULE.tMax() * last));
            int k = Math.min((int) u, last - 1);
            return new double[]{k, u - k};
        }

        private static double at(double[] knots, double t) {
            double[] kf = where(t);
            int k = (int) kf[0];
            return (1 - kf[1]) * knots[k] + kf[1] * knots[k + 1];
        }

        private static void share(double[] grad, double t, double g) {
            double[] kf = where(t);
            grad[(int) kf[0]] += (1 - kf[1]) * g;
            grad[(int) kf[0] + 1] += kf[1] * g;
        }

        private double[][] forces(double[][] x, double[] t) {
            double[][] f = new double[4][t.length];
            for (int i = 0; i < 4; i++) {
                for (int b = 0; b < t.length; b++) {
                    double xi = x[i][b];
                    f[i][b] = -(at(theta[i][0], t[b]) * xi + at(theta[i][1], t[b]) + at(theta[i][2], t[b]) * xi * xi * xi);
                    for (int c = 0; c < j.length; c++) {
                        int[] ends = SPEC.couplings().get(c);
                        if (ends[0] == i || ends[1] == i) f[i][b] += -at(j[c], t[b]) * x[ends[0] == i ? ends[1] : ends[0]][b];
                    }
                }
            }
            return f;
        }

        double train(DenoisingBatches.Batch batch) {
            double[] t = batch.t();
            double[][] x = batch.x();
            int n = t.length;
            double[][] f = forces(x, t);
            double[][] e = new double[4][n];
            double loss = 0;
            for (int i = 0; i < 4; i++) {
                double mine = 0;
                for (int b = 0; b < n; b++) {
                    double delta = learning.delta();
                    e[i][b] = rule == ProtocolRule.FORCE_MATCHING ? f[i][b] - batch.target()[i][b]
                            : (x[i][b] + delta * f[i][b] + Math.sqrt(2 * temperature * delta) * noise[i].nextGaussian() - batch.target()[i][b]) / delta;
                    mine += 0.5 * batch.weight()[b] * e[i][b] * e[i][b];
                }
                loss += mine;
            }
            for (int i = 0; i < 4; i++) {
                double[][] grad = new double[3][SPEC.knots()];
                for (int b = 0; b < n; b++) {
                    double g = batch.weight()[b] * e[i][b];
                    double xi = x[i][b];
                    share(grad[0], t[b], -g * xi);
                    share(grad[1], t[b], -g);
                    share(grad[2], t[b], -g * xi * xi * xi);
                }
                for (int p = 0; p < 3; p++) {
                    for (int k = 0; k < SPEC.knots(); k++) {
                        theta[i][p][k] -= learning.rate() / n * grad[p][k];
                        if (p == 2) theta[i][p][k] = Math.max(0, theta[i][p][k]);
                    }
                }
            }
            for (int c = 0; c < j.length; c++) {
                int p = SPEC.couplings().get(c)[0], q = SPEC.couplings().get(c)[1];
                double[] grad = new double[SPEC.knots()];
                for (int b = 0; b < n; b++) share(grad, t[b], batch.weight()[b] * -(e[p][b] * x[q][b] + e[q][b] * x[p][b]));
                for (int k = 0; k < SPEC.knots(); k++) j[c][k] -= learning.couplingRate() / n * grad[k];
            }
            return loss;
        }

        double[][] sample(int n, int delay) {
            double[][] x = new double[4][n];
            for (int i = 0; i < 4; i++) for (int b = 0; b < n; b++) x[i][b] = Math.sqrt(temperature) * noise[i].nextGaussian();
            double dt = SPEC.dt();
            int steps = (int) Math.round((SCHEDULE.tMax() - SCHEDULE.tMin()) / dt);
            double[][][] history = new double[steps][][];
            for (int s = 0; s < steps; s++) {
                history[s] = new double[4][];
                for (int i = 0; i < 4; i++) history[s][i] = x[i].clone();
                int seen = Math.max(0, s - delay);
                double t = SCHEDULE.tMax() - s * dt;
                double tSeen = SCHEDULE.tMax() - seen * dt;
                double[][] f = new double[4][n];
                for (int i = 0; i < 4; i++) {
                    for (int b = 0; b < n; b++) {
                        double xi = x[i][b];
                        f[i][b] = -(at(theta[i][0], t) * xi + at(theta[i][1], t) + at(theta[i][2], t) * xi * xi * xi);
                        for (int c = 0; c < j.length; c++) {
                            int[] ends = SPEC.couplings().get(c);
                            if (ends[0] == i || ends[1] == i) f[i][b] += -at(j[c], tSeen) * history[seen][ends[0] == i ? ends[1] : ends[0]][b];
                        }
                    }
                }
                for (int i = 0; i < 4; i++) for (int b = 0; b < n; b++) x[i][b] += dt * f[i][b] + Math.sqrt(2 * temperature * dt) * noise[i].nextGaussian();
            }
            return x;
        }
    }

    private static Engine engine(int delay, Timing timing, int threads) {
        return new Engine(delay, timing, () -> new SimulationRunner.Runtime(threads, 100, java.time.Duration.ofMinutes(2)));
    }

    private static ProtocolRun.Outcome actors(ProtocolRule rule, OscillatorNetwork.Learning learning, int epochs, Engine engine)
            throws Exception {
        return ProtocolRun.run(SPEC, learning, new DenoisingBatches(data(), SCHEDULE, rule, 0.05, 20, 9), epochs, 50, 77, engine, (e, l) -> { });
    }

    /**
     * Actors against the reference. Measured largest deviations (delay 1 and 3, both rules): losses
     * ≤ 2e-16 relative, knots ≤ 3e-16, samples ≤ 2e-15 — the running sum of drives rounds differently
     * from the reference's fresh sum. Bound 1e-12: far below what a wrong term, sign, step or delay
     * moves (≥ 1e-4).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "delay {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void actorsFollowTheReferenceOnAnyThreadCount(int delay) throws Exception {
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
            double[][] want = ref.sample(50, noise, delay);
            ByHand hand = new ByHand(rule, learning);
            DenoisingBatches same = new DenoisingBatches(data(), SCHEDULE, rule, 0.05, 20, 9);
            double worst = 0;
            for (int e = 0; e < epochs; e++) {
                double loss = 0;
                for (int k = 0; k < same.batchesPerEpoch(); k++) loss += hand.train(same.next());
                worst = Math.max(worst, close(epochLoss.get(e), loss / (same.batchesPerEpoch() * 20.0), rule + ", loss of epoch " + e));
            }
            double[][] sampled = hand.sample(50, delay);
            for (int i = 0; i < 4; i++) {
                for (int b = 0; b < 50; b++) worst = Math.max(worst, close(sampled[i][b], want[i][b], rule + ", sample " + b + " of " + i));
                for (int k = 0; k < SPEC.knots(); k++) {
                    for (int p = 0; p < 3; p++) {
                        worst = Math.max(worst, close(hand.theta[i][p][k], ref.oscillator(i).knots()[p][k], rule + ", knot " + k + " of " + i));
                    }
                }
            }
            for (int c = 0; c < SPEC.couplings().size(); c++) {
                for (int k = 0; k < SPEC.knots(); k++) worst = Math.max(worst, close(hand.j[c][k], ref.coupling(c).knots()[k], rule + ", J knot " + k));
            }
            System.out.printf("[OscillatorActorsTest] %s, delay %d: the reference against its equations written out, largest deviation %.1e%n",
                    rule, delay, worst);
            ProtocolRun.Outcome first = null;
            double actorsWorst = 0;
            for (int threads : new int[]{1, 3}) {
                ProtocolRun.Outcome got = actors(rule, learning, epochs, engine(delay, Timing.exact(4), threads));
                String what = rule + ", delay " + delay + ", on " + threads + " thread(s)";
                for (int e = 0; e < epochs; e++) {
                    assertEquals(epochLoss.get(e), got.epochLoss().get(e), 1e-12 * epochLoss.get(e), what + ", loss of epoch " + e);
                    actorsWorst = Math.max(actorsWorst, Math.abs(epochLoss.get(e) - got.epochLoss().get(e)) / epochLoss.get(e));
                }
                for (int i = 0; i < 4; i++) {
                    for (int b = 0; b < 50; b++) {
                        assertEquals(want[i][b], got.samples()[i][b], 1e-12, what + ", sample " + b + " of oscillator " + i);
                        actorsWorst = Math.max(actorsWorst, Math.abs(want[i][b] - got.samples()[i][b]));
                    }
                    for (int p = 0; p < 3; p++) {
                        for (int k = 0; k < SPEC.knots(); k++) {
                            assertEquals(ref.oscillator(i).knots()[p][k], got.knots()[i][p][k], 1e-12, what + ", knot " + k);
                            actorsWorst = Math.max(actorsWorst, Math.abs(ref.oscillator(i).knots()[p][k] - got.knots()[i][p][k]));
                        }
                    }
                }
                // the couplings' learned J(t), as the export writes them (issue 17, item 4)
                assertEquals(SPEC.couplings().size(), got.couplingKnots().length, what);
                for (int c = 0; c < got.couplingKnots().length; c++) {
                    assertArrayEquals(ref.coupling(c).knots(), got.couplingKnots()[c], 1e-12, what + ", coupling " + c);
                }
                if (first == null) first = got;
                else sameBits(first, got, what);
            }
            System.out.printf("[OscillatorActorsTest] %s, delay %d: actors against the reference, largest deviation %.1e%n", rule, delay, actorsWorst);
        }
    }

    private static void sameBits(ProtocolRun.Outcome a, ProtocolRun.Outcome b, String what) {
        assertEquals(a.epochLoss(), b.epochLoss(), what);
        for (int i = 0; i < a.samples().length; i++) {
            assertArrayEquals(a.samples()[i], b.samples()[i], 0.0, what + ", samples of oscillator " + i);
            for (int p = 0; p < 3; p++) assertArrayEquals(a.knots()[i][p], b.knots()[i][p], 0.0, what);
        }
        for (int c = 0; c < a.couplingKnots().length; c++) assertArrayEquals(a.couplingKnots()[c], b.couplingKnots()[c], 0.0, what);
    }

    /**
     * Every timing model on the oscillators (issue 19, "One engine"): link delay 2 with jitter and
     * loss, Poisson updates while sampling, message windows, send-on-delta, and the trace — each the same
     * bits on 1 and 4 threads, and each a run that differs from the exact one (so the setting took effect).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "jitter and loss, 2, 2, 0.2, 1.0, 1, 0.0, false",
            "poisson updates, 1, 0, 0.0, 0.5, 1, 0.0, false",
            "window of 2, 2, 0, 0.0, 1.0, 2, 0.0, false",
            "send-on-delta, 1, 0, 0.0, 1.0, 1, 0.5, false",
            "trace, 2, 1, 0.0, 0.7, 1, 0.0, true"})
    void everyTimingModelGivesTheSameBitsOnAnyThreadCount(String name, int delay, int jitter, double drop, double rate, int window,
                                                          double threshold, boolean trace, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        double[] rates = new double[4];
        Arrays.fill(rates, rate);
        Timing timing = new Timing(new UpdateModel(5, rates), jitter, drop, 0, 5, threshold, window, -1);
        OscillatorNetwork.Learning learning = new OscillatorNetwork.Learning(ProtocolRule.FORCE_MATCHING, 0.05, 0.05);
        ProtocolRun.Outcome exact = actors(ProtocolRule.FORCE_MATCHING, learning, 2, engine(1, Timing.exact(4), 1));
        ProtocolRun.Outcome first = null;
        for (int threads : new int[]{1, 4}) {
            java.nio.file.Path file = dir.resolve("trace-" + threads + ".pb");
            ProtocolRun.Outcome got = actors(ProtocolRule.FORCE_MATCHING, learning, 2, new Engine(delay, timing,
                    () -> new SimulationRunner.Runtime(threads, 100, java.time.Duration.ofMinutes(2), trace ? file : null,
                            SimulationRunner.Executor.FORK_JOIN)));
            if (first == null) first = got;
            else sameBits(first, got, name + " on " + threads + " threads");
            if (trace) assertTrue(java.nio.file.Files.size(file) > 1000, "the trace was written: " + java.nio.file.Files.size(file) + " bytes");
        }
        boolean differs = false;
        for (int i = 0; i < 4; i++) differs |= !Arrays.equals(exact.samples()[i], first.samples()[i]);
        assertTrue(differs, name + " changed nothing: the setting did not reach the actors");
    }
}
