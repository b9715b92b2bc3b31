package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.actors.SynapseActor;
import io.synaptor.actors.UnitActor;
import io.synaptor.network.DenseReference;
import io.synaptor.network.HolomorphicReference;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.NudgeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3: holomorphic EP through the actors, against the complex reference and in training. */
class HolomorphicTest {

    /**
     * The synapses' discrete hEP estimate equals the complex reference's Cauchy sum over the same
     * N fixed points (not the exact gradient: at β = 0.3 and N = 3 the two differ by O(β³)), so the
     * actors' complex states, drives and demodulation are right, not merely close to the truth.
     */
    @ParameterizedTest(name = "{0}, N = {1}, β = {2}, layers {3}")
    @CsvSource({"sigmoid, 3, 0.3, 3-5-2", "tanh, 4, 0.2, 4-8-6-3"})
    void actorsComputeTheReferenceCircleEstimate(String activation, int points, double beta, String layers) throws Exception {
        long seed = 3;
        int[] sizes = Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
        NetworkSpec net0 = LayeredNetworks.build(sizes, 1, Activation.named(activation), 0.5, 0.0,
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        SplittableRandom r = new SplittableRandom(seed);
        double[] biases = new double[net0.size()];
        for (int k = sizes[0]; k < biases.length; k++) biases[k] = r.nextDouble() - 0.5;
        NetworkSpec net = net0.withParameters(net0.weights(), biases);
        double[] x = Arrays.copyOf(new double[]{0.2, 0.7, 0.4, 0.9}, sizes[0]);
        double[] y = new double[sizes[sizes.length - 1]];
        y[1] = 1.0;
        LabeledData example = new LabeledData(new double[][]{x}, new double[][]{y});
        PhaseSchedule schedule = new PhaseSchedule(1, 600, 600, beta, false, seed, 1, 1, 1, NudgeShape.circle(points));
        RunResult result = SimulationRunner.run(SimulationSpec.builder(net, schedule, example, example).rule("holomorphic")
                .rate(0.0).reset(true).seed(seed).window(2)
                .build(), SimulationRunner.Runtime.defaults(), ProgressListener.NONE);

        int[] free = new DenseReference(net).freeUnits();
        double[] want = new HolomorphicReference(net).circleEstimate(x, y, beta, points);
        double[] got = new double[want.length];
        int nw = net.couplings().size();
        System.arraycopy(result.weightGradients(), 0, got, 0, nw);
        for (int a = 0; a < free.length; a++) got[nw + a] = result.biasGradients()[free[a]];
        double worst = 0;
        double scale = 0;
        for (int k = 0; k < want.length; k++) {
            worst = Math.max(worst, Math.abs(got[k] - want[k]));
            scale = Math.max(scale, Math.abs(want[k]));
        }
        System.out.printf("[HolomorphicTest] %s N=%d β=%.2f: max |actors − reference| %.2e (max |g| %.2e)%n",
                activation, points, beta, worst, scale);
        assertTrue(scale > 1e-3, "a gradient worth comparing");
        // measured 2.8e-15 (sigmoid, N = 3) and 1.8e-15 (tanh, N = 4): the same sum to rounding
        assertTrue(worst < 1e-14 * Math.max(1, scale), "max difference " + worst);
    }

    /**
     * Acceptance: continuous online hEP learns two moons with the nudge never off during training,
     * and the only messages exchanged are states, drives, clocks, clamps and one target per output
     * per example — no phase message exists in the protocol, and none is sent. Run at the settings
     * it was measured with (two-moons' defaults before issue 17: σ(4s − 2) units, dt = 0.5, T1 = 30,
     * η = 0.05, 30 epochs, constant rate, plain SGD on [0, 1]² inputs).
     */
    @Test
    void onlineHolomorphicEPLearnsTwoMoonsWithoutPhaseMessages(@TempDir Path tmp) {
        Cli.Result r = Cli.run(tmp.resolve("hep"), "run", "two-moons", "--seed", "1", "--set", "learning.rule=holomorphic",
                "--set", "learning.holomorphic.form=online", "--set", "time.nudge-steps=40",
                "--set", "units.activation=sigmoid", "--set", "time.dt=0.5", "--set", "time.free-steps=30",
                "--set", "learning.rate=0.05", "--set", "learning.rate-decay=1", "--set", "training.epochs=30",
                "--set", "learning.optimizer=sgd", "--set", "data.encoding=unit");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        double accuracy = s.getDouble("test_accuracy");
        System.out.printf("[HolomorphicTest] online hEP two-moons: test accuracy %.4f%n", accuracy);
        // 0.9825 before the reset held the units through the link delay (a leak between consecutive examples,
        // issue 17); 0.8925 since — like one-sided EP on two moons, a nearly linear boundary
        assertTrue(accuracy >= 0.85, "test accuracy " + accuracy);

        Config kinds = s.getConfig("messages_by_kind");
        assertEquals(Set.of("state", "state_clock", "drive", "drive_clock", "clamp", "target"), kinds.root().keySet());
        long examples = (long) s.getInt("\"training.epochs\"") * (s.getInt("\"training.train-size\"") / s.getInt("\"training.batch\""));
        assertEquals(2 * examples, kinds.getLong("target"), "one target message per output per training minibatch");
        assertTrue(kinds.getLong("state") > 1_000_000 && kinds.getLong("drive") > 1_000_000);
        long sum = kinds.root().keySet().stream().mapToLong(kinds::getLong).sum();
        assertEquals(s.getLong("messages"), sum, "every message sent is one of these kinds");

        // The protocol has no phase message to send: units and synapses accept only these (Wake only
        // creates a sharded entity in cluster mode and carries nothing).
        assertEquals(Set.of("Drive", "DriveBlock", "Clock", "Target", "Connect", "Wake"), permitted(UnitActor.Command.class));
        assertEquals(Set.of("State", "StateBlock", "Clock", "Wake"), permitted(SynapseActor.Command.class));
    }

    private static Set<String> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toSet());
    }
}
