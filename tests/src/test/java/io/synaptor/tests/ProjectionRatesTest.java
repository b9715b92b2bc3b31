package io.synaptor.tests;

import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.Coupling;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.data.TwoMoons;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.NudgeShape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5: per-projection learning rates reach exactly the couplings and biases they name; rates decay per epoch. */
class ProjectionRatesTest {
    private static final long seed = 4;
    private static final NetworkSpec net = LayeredNetworks.build(new int[]{2, 6, 2}, 1, Activation.named("sigmoid"), 0.5, 0.0,
            RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
    private static final LabeledData train = TwoMoons.generate(20, 0.1, new SplittableRandom(1));
    private static final LabeledData test = TwoMoons.generate(10, 0.1, new SplittableRandom(2));

    @Test
    void eachProjectionLearnsAtItsOwnRate() throws Exception {
        PhaseSchedule schedule = new PhaseSchedule(5, 12, 5, 0.3, false, seed, 2, train.size(), test.size());
        Timing timing = Timing.exact(net.size());

        RunResult frozenInput = run(net, schedule, train, test, timing, new double[]{0.0, 0.2});
        RunResult uniform = run(net, schedule, train, test, timing, new double[0]);
        RunResult same = run(net, schedule, train, test, timing, new double[]{0.2, 0.2});
        double movedTop = 0;
        for (int k = 0; k < net.couplings().size(); k++) {
            Coupling c = net.couplings().get(k);
            if (net.layerOf()[c.i()] == 0) assertEquals(c.weight(), frozenInput.weights()[k], 0.0, "input projection is frozen");
            else movedTop = Math.max(movedTop, Math.abs(frozenInput.weights()[k] - c.weight()));
        }
        for (int u = 0; u < net.size(); u++) {
            if (net.layerOf()[u] == 1) assertEquals(0.0, frozenInput.biases()[u], 0.0, "hidden biases learn with the input projection");
        }
        assertTrue(movedTop > 1e-3, "the top projection learns: " + movedTop);
        assertArrayEquals(uniform.weights(), same.weights(), 0.0, "equal rates are the uniform rate");
        assertArrayEquals(uniform.biases(), same.biases(), 0.0);
    }

    /**
     * learning.rate-decay through the actors, at block granularity: γ = 0 learns in the first epoch
     * only, so two epochs end where one ends; γ = ½ leaves the first epoch alone and changes the second.
     */
    @Test
    void rateDecayActsFromTheSecondEpoch() throws Exception {
        Timing timing = Timing.exact(net.size());
        PhaseSchedule one = new PhaseSchedule(5, 12, 5, 0.3, false, seed, 1, train.size(), test.size(), NudgeShape.CENTERED);
        PhaseSchedule two = new PhaseSchedule(5, 12, 5, 0.3, false, seed, 2, train.size(), test.size(), NudgeShape.CENTERED);

        RunResult oneEpoch = run(net, one, train, test, timing, 1.0);
        RunResult frozen = run(net, two, train, test, timing, 0.0);
        assertArrayEquals(oneEpoch.weights(), frozen.weights(), 0.0, "γ = 0: nothing moves after the first epoch");
        assertArrayEquals(oneEpoch.biases(), frozen.biases(), 0.0);
        assertArrayEquals(oneEpoch.weights(), run(net, one, train, test, timing, 0.5).weights(), 0.0,
                "the first epoch learns at the full rate");
        RunResult constant = run(net, two, train, test, timing, 1.0);
        RunResult halved = run(net, two, train, test, timing, 0.5);
        double fromConstant = 0, fromFrozen = 0;
        for (int k = 0; k < net.couplings().size(); k++) {
            fromConstant = Math.max(fromConstant, Math.abs(halved.weights()[k] - constant.weights()[k]));
            fromFrozen = Math.max(fromFrozen, Math.abs(halved.weights()[k] - frozen.weights()[k]));
        }
        assertTrue(fromConstant > 1e-4 && fromFrozen > 1e-4, "γ = ½ lies apart from both: " + fromConstant + ", " + fromFrozen);
    }

    private static RunResult run(NetworkSpec net, PhaseSchedule schedule, LabeledData train, LabeledData test, Timing timing,
                                 double[] rates) throws Exception {
        return SimulationRunner.run(SimulationSpec.builder(net, schedule, train, test).rate(0.2).reset(true).seed(4)
                .window(2).timing(timing).projectionRates(rates).build(),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
    }

    private static RunResult run(NetworkSpec net, PhaseSchedule schedule, LabeledData train, LabeledData test, Timing timing,
                                 double decay) throws Exception {
        return SimulationRunner.run(SimulationSpec.builder(net, schedule, train, test).rule("centered").rate(0.2).reset(true)
                .seed(4).window(2).timing(timing).blockSize(3).rateDecay(decay)
                .build(), SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
    }
}
