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
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.data.TwoMoons;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole training runs, actors against the synchronous single-threaded simulation of the same
 * virtual-time semantics: every episode's loss and score, and the final weights and biases. This
 * checks the protocol end to end — delays, horizons, clock messages, the conservative rule, the
 * nudge, the per-episode reset, learning at sample times and the per-actor noise streams.
 */
class SynchronousSimulationTest {

    @ParameterizedTest(name = "{4}: layers {0}, delay {1}, T = {2}, reset {3}")
    @CsvSource({
            "2-6-2, 1, 0.0, true, one-sided",
            "2-5-4-2, 3, 0.0, true, one-sided",
            "2-6-2, 2, 0.01, true, one-sided",
            "2-6-2, 1, 0.0, false, one-sided",
            "2-5-4-2, 2, 0.01, true, centered",
            "2-6-2, 1, 0.0, false, centered",
            "2-5-4-2, 2, 0.0, true, chl",
            "2-6-2, 1, 0.01, true, continual",
            "2-5-4-2, 2, 0.01, true, holomorphic circle 3",
            "2-6-2, 1, 0.0, false, holomorphic online"})
    void actorsReproduceTheSynchronousRun(String layers, int delay, double temperature, boolean reset, String variant)
            throws Exception {
        String rule = variant.split(" ")[0];
        NudgeShape holomorphic = variant.endsWith("online") ? NudgeShape.oscillating(3, 1)
                : NudgeShape.circle(variant.contains("circle") ? Integer.parseInt(variant.split(" ")[2]) : 2);
        long seed = 11;
        int[] sizes = java.util.Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
        NetworkSpec net = LayeredNetworks.build(sizes, delay, Activation.named("sigmoid"), 0.5, temperature,
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        LabeledData train = TwoMoons.generate(30, 0.1, new SplittableRandom(1));
        LabeledData test = TwoMoons.generate(12, 0.1, new SplittableRandom(2));
        PhaseSchedule schedule = new PhaseSchedule(5, 12, 5, 0.3, true, seed, 3, train.size(), test.size(),
                Rules.shape(rule, holomorphic));
        double rate = 0.2;

        RunResult actors = SimulationRunner.run(new SimulationSpec(net, schedule, rule, rate, train, test, reset, seed, 2),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
        SynchronousSimulation.Result sync = SynchronousSimulation.run(net, schedule, rule, rate, train, test, reset,
                u -> RandomStreams.stream(seed, RandomStreams.Kind.UNIT, u));

        assertEquals(sync.episodes().size(), actors.episodes().size());
        for (int k = 0; k < sync.episodes().size(); k++) {
            SynchronousSimulation.Episode want = sync.episodes().get(k);
            ProbeActor.EpisodeResult got = actors.episodes().get(k);
            assertEquals(want.episode(), got.episode());
            assertEquals(want.lossSum(), got.lossSum(), 1e-9 * Math.max(1, want.lossSum()), "loss of episode " + k);
            assertEquals(want.correct(), got.correct(), "correct answers in episode " + k);
        }
        double worst = 0;
        for (int k = 0; k < sync.weights().length; k++) worst = Math.max(worst, Math.abs(sync.weights()[k] - actors.weights()[k]));
        for (int u = 0; u < net.size(); u++) worst = Math.max(worst, Math.abs(sync.biases()[u] - actors.biases()[u]));
        assertTrue(worst < 1e-9, "max parameter difference " + worst);
        // Learning happened: the weights moved well beyond the tolerance.
        double moved = 0;
        for (int k = 0; k < sync.weights().length; k++) moved = Math.max(moved, Math.abs(sync.weights()[k] - net.weights()[k]));
        assertTrue(moved > 1e-3, "weights moved only " + moved);
    }
}
