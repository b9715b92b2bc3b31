package io.synaptor.tests;

import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Examples with weights of their own (issue 20: denoising score matching weights each σ's loss): an output
 * nudged for an example of weight λ feels β·λ, so EqProp estimates the gradient of Σ_b λ_b ℓ_b. With one
 * example, weight 2 at β is the nudge 2β at weight 1 — the same nudged states — so every synapse's estimate
 * −(1/β)Δ(ρρ) is exactly twice the other's (to the rounding of the division by β); weight 1 is the unweighted
 * run bit for bit. The synchronous simulation and the cluster codec refuse weights in one sentence.
 */
class ExampleWeightsTest {
    private static final NetworkSpec NET = LayeredNetworks.build(new int[]{3, 5, 2}, 1, Activation.named("sigmoid"), 0.5, 0.0,
            new SplittableRandom(3));

    private static double[] gradients(double beta, double[] weights) throws Exception {
        LabeledData one = new LabeledData(new double[][]{{0.2, 0.9, 0.4}}, new double[][]{{1.0, 0.0}}, weights);
        PhaseSchedule schedule = new PhaseSchedule(1, 200, 200, beta, false, 1, 1, 1, 1);
        SimulationSpec spec = SimulationSpec.builder(NET, schedule, one, one).rule("one-sided").rate(0.0).seed(1).build();
        RunResult r = SimulationRunner.run(spec, SimulationRunner.Runtime.defaults(), e -> { });
        return r.weightGradients();
    }

    @Test
    void aWeightScalesTheNudge() throws Exception {
        double[] weighted = gradients(0.01, new double[]{2.0});
        double[] doubled = gradients(0.02, null);
        double[] plain = gradients(0.01, null);
        double[] unit = gradients(0.01, new double[]{1.0});
        for (int k = 0; k < weighted.length; k++) {
            assertEquals(2 * doubled[k], weighted[k], 1e-14 * Math.abs(weighted[k]) + 1e-18, "synapse " + k);
            assertEquals(plain[k], unit[k], 0.0, "weight 1 is no weight, bit for bit: synapse " + k);
        }
    }

    @Test
    void theSynchronousSimulationRefusesWeights() {
        LabeledData one = new LabeledData(new double[][]{{0.2, 0.9, 0.4}}, new double[][]{{1.0, 0.0}}, new double[]{2.0});
        PhaseSchedule schedule = new PhaseSchedule(1, 10, 10, 0.1, false, 1, 1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SynchronousSimulation.of(NET, schedule, one, one));
        assertEquals("examples with weights of their own are not in the synchronous simulation yet", e.getMessage());
    }
}
