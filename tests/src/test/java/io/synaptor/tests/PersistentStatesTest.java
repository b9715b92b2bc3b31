package io.synaptor.tests;

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
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.synaptor.network.PersistentStates;
import org.junit.jupiter.api.Test;

/**
 * Persistent free states (issue 5): each training example starts where its last free phase ended.
 * The actors — at unit and at block granularity, in one simulation or one per epoch sharing a bank —
 * reproduce the synchronous run that keeps the same stores, and persistence changes the run
 * (against plain reset), so the stores are really read.
 */
class PersistentStatesTest {
    @ParameterizedTest(name = "{0}, block size {1}")
    @CsvSource({"one-sided, 1", "centered, 3", "holomorphic, 1"})
    void actorsReproduceTheSynchronousPersistentRun(String rule, int blockSize) throws Exception {
        long seed = 5;
        NetworkSpec net = LayeredNetworks.build(new int[]{2, 6, 2}, 1, Activation.named("sigmoid"), 0.5, 0.0,
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        LabeledData train = TwoMoons.generate(20, 0.1, new SplittableRandom(1));
        LabeledData test = TwoMoons.generate(8, 0.1, new SplittableRandom(2));
        PhaseSchedule schedule = new PhaseSchedule(5, 6, 4, 0.3, false, seed, 3, train.size(), test.size(),
                Rules.named(rule).shape(NudgeShape.circle(3)));
        double rate = 0.3;
        Timing exact = Timing.exact(net.size());
        RunResult actors = SimulationRunner.run(SimulationSpec.builder(net, schedule, train, test).rule(rule).rate(rate)
                .reset(true).seed(seed).window(2).timing(exact).blockSize(blockSize).persistent(new PersistentStates.Bank())
                .build(), SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
        SynchronousSimulation.Result sync = SynchronousSimulation.of(net, schedule, train, test).rule(rule).rate(rate)
                .reset(true).seed(seed).timing(exact).persistent(true).run();
        SynchronousSimulation.Result plain = SynchronousSimulation.of(net, schedule, train, test).rule(rule).rate(rate)
                .reset(true).seed(seed).timing(exact).run();
        double worst = 0;
        double change = 0;
        for (int k = 0; k < sync.weights().length; k++) {
            worst = Math.max(worst, Math.abs(sync.weights()[k] - actors.weights()[k]));
            change = Math.max(change, Math.abs(sync.weights()[k] - plain.weights()[k]));
        }
        double lossWorst = 0;
        for (int k = 0; k < sync.episodes().size(); k++) {
            lossWorst = Math.max(lossWorst, Math.abs(sync.episodes().get(k).lossSum() - actors.episodes().get(k).lossSum()));
            assertEquals(sync.episodes().get(k).lossSum(), actors.episodes().get(k).lossSum(), 2e-13, "loss of episode " + k);
        }
        System.out.printf("[PersistentStatesTest] actors vs synchronous: weights within %.2e, losses within %.2e%n", worst, lossWorst);
        // measured: weights within 4.9e-15 (one-sided), 4.4e-16, 3.3e-16; losses within 2.4e-14, 2.0e-15, 1.8e-15
        assertTrue(worst < 5e-14, "actors vs synchronous: max weight difference " + worst);
        assertTrue(change > 1e-4, "persistence changed the weights by only " + change);
    }

    @Test
    void aBankCarriesTheStatesFromOneEpochsSimulationToTheNext() throws Exception {
        long seed = 8;
        NetworkSpec net = LayeredNetworks.build(new int[]{2, 5, 2}, 1, Activation.named("sigmoid"), 0.5, 0.0,
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        LabeledData train = TwoMoons.generate(10, 0.1, new SplittableRandom(3));
        LabeledData test = TwoMoons.generate(5, 0.1, new SplittableRandom(4));
        // Epoch 2 as its own simulation (as with checkpoints), after epoch 1 filled the bank, twice;
        // and once with an empty bank. Learning off, so only the starting states can differ.
        double[][] secondEpoch = new double[3][];
        for (int run = 0; run < 3; run++) {
            PersistentStates.Bank bank = new PersistentStates.Bank();
            RunResult r = null;
            for (int epoch = run == 2 ? 1 : 0; epoch < 2; epoch++) {
                PhaseSchedule one = new PhaseSchedule(5, 6, 4, 0.3, false, seed, 1, train.size(), test.size(), NudgeShape.ONE_SIDED, epoch);
                r = SimulationRunner.run(SimulationSpec.builder(net, one, train, test).rate(0.0).reset(true).seed(seed)
                        .window(2).persistent(bank).build(), SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
            }
            secondEpoch[run] = r.episodes().stream().mapToDouble(e -> e.lossSum()).toArray();
        }
        assertArrayEquals(secondEpoch[0], secondEpoch[1], 0.0, "the same bank history gives the same bits");
        double differ = 0;
        for (int e = 0; e < 2; e++) differ = Math.max(differ, Math.abs(secondEpoch[0][e] - secondEpoch[2][e]));
        assertTrue(differ > 1e-6, "epoch 2's training episodes started as if from an empty bank (difference " + differ + ")");
    }
}
