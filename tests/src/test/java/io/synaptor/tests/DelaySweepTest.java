package io.synaptor.tests;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.synaptor.network.Coupling;
import io.synaptor.network.DenseReference;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.GradientStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4: the delay sweep, every cell against an independent computation — the single-threaded
 * synchronous simulation of the same virtual-time semantics (network/SynchronousSimulation, no actors)
 * estimating the gradient on the exported net with that cell's delay, and the dense reference's exact
 * gradient (network/DenseReference) — and the README's row at its precision.
 */
class DelaySweepTest {
    /** README, "gradient cosine vs mean link delay": delays 1, 2, 5, 10, 20 steps, T1 = T2 = 100. */
    private static final double[] DELAYS = {1, 2, 5, 10, 20};
    private static final double[] README = {0.99987, 0.99995, 0.9952, 0.630, 0.418};
    /** Half a unit of the README's last digit. */
    private static final double[] PRECISION = {5e-6, 5e-6, 5e-5, 5e-4, 5e-4};

    @Test
    void everyCellAgreesWithTheSynchronousSimulationAndTheReadme(@TempDir Path tmp) throws Exception {
        Cli.Result sweep = Cli.run(tmp.resolve("sweep"), "run", "delay-sweep", "--seed", "1");
        assertEquals(0, sweep.exit(), sweep.err());
        Config s = sweep.summary();
        List<Double> cos = s.getDoubleList("cosine_by_delay");
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0), s.getDoubleList("grid.delay"));
        assertEquals(DELAYS.length, cos.size());
        assertTrue(Files.size(sweep.dir().resolve("sweep.png")) > 0);
        assertEquals(cos.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), s.getDouble("worst_cell.cosine"), 0.0);

        // The net every cell measures on (same weights and biases; the cell sets the delay), and its example.
        Config spec = ConfigFactory.parseFile(sweep.dir().resolve("network.json").toFile());
        NpzFile npz = new NpzFile(sweep.dir().resolve("network.npz"));
        int n = spec.getInt("units");
        Role[] roles = new Role[n];
        Arrays.fill(roles, Role.HIDDEN);
        for (int u : spec.getIntList("inputs")) roles[u] = Role.INPUT;
        for (int u : spec.getIntList("outputs")) roles[u] = Role.OUTPUT;
        int[] layerOf = Arrays.stream(npz.get("layer").values()).mapToInt(v -> (int) v).toArray();
        NpzFile.Array pairs = npz.get("pairs");
        double[] weights = npz.get("weights").values();
        double[] biases = npz.get("biases").values();
        int[] free = spec.getIntList("free_units").stream().mapToInt(Integer::intValue).toArray();
        double[] x = spec.getDoubleList("example_x").stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = spec.getDoubleList("target_y").stream().mapToDouble(Double::doubleValue).toArray();
        LabeledData example = new LabeledData(new double[][]{x}, new double[][]{y});
        int steps = spec.getInt("free_steps");
        assertEquals(steps, spec.getInt("nudge_steps"));
        double beta = spec.getDouble("beta");

        double[] exact = null;
        double[] mine = new double[DELAYS.length];
        for (int k = 0; k < DELAYS.length; k++) {
            List<Coupling> couplings = new ArrayList<>();
            for (int c = 0; c < weights.length; c++) {
                couplings.add(new Coupling((int) pairs.at(c, 0), (int) pairs.at(c, 1), weights[c], (int) DELAYS[k]));
            }
            NetworkSpec net = new NetworkSpec(roles, layerOf, couplings, biases, Activation.named(spec.getString("activation")),
                    spec.getDouble("dt"), 0.0);
            if (exact == null) {
                DenseReference ref = new DenseReference(net);
                exact = ref.exactGradient(ref.freeFixedPoint(x), y).flat(free);
            }
            // One training episode at rate 1: the weights move by minus the estimate, the free units' biases too.
            PhaseSchedule schedule = new PhaseSchedule(1, steps, steps, beta, false, 1, 1, 1, 1);
            SynchronousSimulation.Result run = SynchronousSimulation.of(net, schedule, example, example).rate(1.0)
                    .reset(true).seed(1).run();
            double[] estimate = new double[exact.length];
            for (int c = 0; c < weights.length; c++) estimate[c] = weights[c] - run.weights()[c];
            for (int a = 0; a < free.length; a++) estimate[weights.length + a] = biases[free[a]] - run.biases()[free[a]];
            mine[k] = GradientStats.cosine(estimate, exact);
        }
        System.out.printf("[DelaySweepTest] cosine by delay: actors %s, synchronous simulation %s%n", cos, Arrays.toString(mine));
        for (int k = 0; k < DELAYS.length; k++) {
            // measured (seed 1): 0.9998728, 0.9999466, 0.9952475, 0.6302930, 0.4182593; the two agree to 1.1e-14
            assertEquals(mine[k], cos.get(k), 1e-13, "delay " + DELAYS[k] + ": actors vs the synchronous simulation");
            assertEquals(README[k], cos.get(k), PRECISION[k], "delay " + DELAYS[k] + ": the README's figure");
        }
        // Late feedback under a fixed budget: near exact while the delay is short, then worse with every step
        // of delay once it is a twentieth of the budget, and far off at a fifth.
        assertTrue(cos.get(0) > 0.9998 && cos.get(1) > 0.9998, "short delays: " + cos);
        assertTrue(cos.get(1) > cos.get(2) && cos.get(2) > cos.get(3) && cos.get(3) > cos.get(4), "monotone from delay 2: " + cos);
        assertTrue(cos.get(4) < 0.5, "delay 20: " + cos);
    }

    @Test
    void twoKnobsMakeAHeatmap(@TempDir Path tmp) throws Exception {
        Cli.Result r = Cli.run(tmp.resolve("hm"), "run", "delay-sweep", "--set", "sweep.values=[1,5]",
                "--set", "sweep.param2=update-rate", "--set", "sweep.values2=[1.0,0.5]");
        assertEquals(0, r.exit(), r.err());
        Config s = r.summary();
        assertEquals(2, s.getList("cosine_grid").size());
        assertEquals(4 + 1, Files.readAllLines(r.dir().resolve("metrics.csv")).size());
        assertTrue(Files.size(r.dir().resolve("sweep.png")) > 0);
    }
}
