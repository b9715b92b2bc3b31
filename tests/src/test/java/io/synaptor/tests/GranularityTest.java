package io.synaptor.tests;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.data.TwoMoons;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5: unit and block granularity are the same simulation — population slices and projection
 * blocks exchange the same messages with longer vectors — so a training run gives the same
 * episodes, weights and biases (to rounding: a block sums its fields in a different order).
 */
class GranularityTest {

    /**
     * Each row carries what it measured: the largest parameter difference (bound: within 10× of it;
     * the weights are of order 1, so 3e-16 is one or two ulps) and the message ratio units / blocks
     * (bound: 0.9× to 1.1× of it — the counts move by under 1 % between runs: the drive clocks vary).
     */
    @ParameterizedTest(name = "{0}, blocks of {1}, delay {2}, T = {3}")
    @CsvSource({
            // rule, block, delay, T, parameter bound (measured), message ratio measured
            "one-sided, 2, 1, 0.0, 1e-14, 3.03",      // 1.28e-15
            "one-sided, 4, 3, 0.01, 5e-13, 7.36",     // 7.89e-14: the noise makes the rounding grow over training
            "centered, 3, 2, 0.0, 3e-15, 5.50",       // 3.33e-16
            "holomorphic, 100, 1, 0.0, 3e-15, 21.29", // 3.61e-16
            "chl, 5, 1, 0.0, 4e-15, 13.55",           // 4.30e-16
            "continual, 3, 2, 0.0, 2e-13, 5.50"})     // 2.79e-14: the weights move during the nudged phase
    void blocksReproduceUnits(String rule, int blockSize, int delay, double temperature, double bound, double ratio)
            throws Exception {
        long seed = 21;
        NetworkSpec net = LayeredNetworks.build(new int[]{2, 7, 5, 2}, delay, Activation.named("sigmoid"), 0.5, temperature,
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        LabeledData train = TwoMoons.generate(30, 0.1, new SplittableRandom(1));
        LabeledData test = TwoMoons.generate(12, 0.1, new SplittableRandom(2));
        PhaseSchedule schedule = new PhaseSchedule(5, 12, 5, 0.3, false, seed, 2, train.size(), test.size(),
                Rules.named(rule).shape(NudgeShape.circle(3)));
        Timing timing = Timing.exact(net.size());
        RunResult units = SimulationRunner.run(SimulationSpec.builder(net, schedule, train, test).rule(rule).rate(0.2)
                .reset(true).seed(seed).window(2).timing(timing).build(),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
        RunResult blocks = SimulationRunner.run(SimulationSpec.builder(net, schedule, train, test).rule(rule).rate(0.2)
                .reset(true).seed(seed).window(2).timing(timing).blockSize(blockSize).build(),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);

        assertEquals(units.episodes().size(), blocks.episodes().size());
        double lossWorst = 0;
        for (int k = 0; k < units.episodes().size(); k++) {
            ProbeActor.EpisodeResult a = units.episodes().get(k);
            ProbeActor.EpisodeResult b = blocks.episodes().get(k);
            lossWorst = Math.max(lossWorst, Math.abs(a.lossSum() - b.lossSum()) / Math.max(1, a.lossSum()));
            assertEquals(a.correct(), b.correct(), "correct answers in episode " + k);
        }
        double residualWorst = 0;
        for (int e = 0; e < units.relaxation().freeMax().length; e++) {
            residualWorst = Math.max(residualWorst, Math.abs(units.relaxation().freeMax()[e] - blocks.relaxation().freeMax()[e])
                    / units.relaxation().freeMax()[e]);
            residualWorst = Math.max(residualWorst, Math.abs(units.relaxation().nudgedMax()[e] - blocks.relaxation().nudgedMax()[e])
                    / units.relaxation().nudgedMax()[e]);
        }
        double worst = 0;
        for (int k = 0; k < units.weights().length; k++) worst = Math.max(worst, Math.abs(units.weights()[k] - blocks.weights()[k]));
        for (int u = 0; u < net.size(); u++) worst = Math.max(worst, Math.abs(units.biases()[u] - blocks.biases()[u]));
        double moved = 0;
        for (int k = 0; k < net.weights().length; k++) moved = Math.max(moved, Math.abs(units.weights()[k] - net.weights()[k]));
        double fewer = (double) units.messages() / blocks.messages();
        System.out.printf("[GranularityTest] %s, blocks of %d: max parameter difference %.2e (weights moved %.2e), losses %.2e, "
                        + "residuals %.2e (relative); messages %,d → %,d (%.2f× fewer)%n",
                rule, blockSize, worst, moved, lossWorst, residualWorst, units.messages(), blocks.messages(), fewer);
        assertTrue(worst < bound, "max parameter difference " + worst);
        // Losses and residuals (relative) measured at most 1.5e-14 and 3.4e-14 (continual; the other rules 1e-15 … 2e-14).
        assertTrue(lossWorst < 1e-13, "episode losses differ by " + lossWorst);
        assertTrue(moved > 1e-3, "learning happened: " + moved);
        assertTrue(fewer > 0.9 * ratio && fewer < 1.1 * ratio, "blocks send " + fewer + "× fewer, longer messages; measured " + ratio);
        // Issue 17: a slice measures each of its units' residuals as the unit actors do.
        assertTrue(residualWorst < 1e-13, "relaxation residuals differ by " + residualWorst);
        assertTrue(units.residualMax() > 0);
        assertEquals(units.unconvergedByEpoch(), blocks.unconvergedByEpoch());
    }

    /** An independent check: the block actors' free relaxation equals the single-threaded dense EJML one. */
    @ParameterizedTest(name = "blocks of {0}")
    @CsvSource({"1", "4", "50"})
    void blocksRelaxLikeTheDenseLayers(int blockSize) throws Exception {
        var report = io.synaptor.bench.RelaxBenchmark.run(new int[]{20, 15, 12, 4}, 6, 80, blockSize, 2, 0.0,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        System.out.printf("[GranularityTest] relaxation, blocks of %d: actors vs dense EJML within %.1e, the bench's unit-split baseline within %.1e%n",
                blockSize, report.maxDifference(), report.unitSplitDifference());
        // measured 3.8e-15 (blocks of 1), 1.6e-15 (4), 1.0e-15 (50)
        assertTrue(report.maxDifference() < 1e-14, "max difference " + report.maxDifference());
        // the benchmark's units-split-over-threads baseline relaxes the same dynamics (on a machine with 2 cores or more)
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            assertTrue(report.unitSplitDifference() < 1e-14, "unit-split baseline differs by " + report.unitSplitDifference());
        }
    }
}
