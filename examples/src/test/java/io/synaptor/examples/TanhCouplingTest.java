package io.synaptor.examples;

import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.Coupling;
import io.synaptor.network.DenseReference;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.synapses.CouplingModel;
import io.synaptor.synapses.Couplings;
import io.synaptor.synapses.NudgeShape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TanhCoupling}, E = Σ s_i²/2 − Σ W_ij tanh(s_i) tanh(s_j) − Σ b_i tanh(s_i), on the unit
 * and block actors (which find it by name, as the command line does), against truths that share no
 * code with it: the stationarity condition ∂E/∂s = 0 written out here with {@link Math#tanh}, the
 * dense reference's fixed point, and its exact gradient (implicit differentiation) as the limit of
 * one-sided EP's estimate (Scellier &amp; Bengio 2017, Theorem 1: bias O(β)) and of holomorphic EP's
 * (Laborieux &amp; Zenke 2022: bias O(|β|^N) with N points on the circle). The units are σ(4s − 2)
 * units, whose ρ must enter nowhere: a tanh end presents tanh of its state.
 */
class TanhCouplingTest {
    private static final double[][] X = {{0.9, -0.4, 0.3}, {-0.2, 0.8, 0.5}};

    @Test
    void theActorsRelaxToTheStationaryPointOfTheTanhEnergy() throws Exception {
        NetworkSpec net = net();
        LabeledData data = new LabeledData(X, new double[X.length][2]);
        RunResult units = relax(net, data, 1);
        RunResult blocks = relax(net, data, 3);
        DenseReference ref = new DenseReference(net);
        double largest = 0;
        for (double[] x : X) for (double s : ref.freeFixedPoint(x)) largest = Math.max(largest, Math.abs(s));
        double[] unitErrors = errors(net, ref, units);
        double[] blockErrors = errors(net, ref, blocks);
        System.out.printf("[TanhCouplingTest] 3-5-2 (max |s| %.2f): max |s − s_reference|, max |∂E/∂s|: unit actors %.1e, %.1e; "
                + "block actors %.1e, %.1e%n", largest, unitErrors[0], unitErrors[1], blockErrors[0], blockErrors[1]);
        assertTrue(largest > 0.8, "states where tanh bends: max |s| " + largest); // measured 1.07
        assertTrue(unitErrors[0] < 1e-14, "unit actors vs reference " + unitErrors[0]);    // measured 1.2e-15
        assertTrue(unitErrors[1] < 2e-14, "unit actors: max |∂E/∂s| " + unitErrors[1]);    // measured 2.2e-15
        assertTrue(blockErrors[0] < 4e-15, "block actors vs reference " + blockErrors[0]); // measured 4.4e-16
        assertTrue(blockErrors[1] < 7e-15, "block actors: max |∂E/∂s| " + blockErrors[1]); // measured 7.8e-16

        // the same net coupled pairwise (through σ(4s − 2)) settles elsewhere: tanh is what the engines used
        RunResult pairwise = relax(net.withCouplingModel(Couplings.named("pairwise")), data, 1);
        double apart = 0;
        for (int u = 0; u < net.size(); u++) apart = Math.max(apart, Math.abs(pairwise.states()[u][0] - units.states()[u][0]));
        System.out.printf("[TanhCouplingTest] max |s_pairwise − s_tanh| = %.2f%n", apart);
        assertTrue(apart > 1.0, "pairwise and tanh agree to " + apart); // measured 2.26
    }

    /** The command line finds the kind by name; its ends present tanh, clamp inputs at atanh and keep the unit's range. */
    @Test
    void isFoundByNameAndPresentsTanh() {
        CouplingModel kind = tanh();
        assertInstanceOf(TanhCoupling.class, kind);
        assertTrue(Couplings.names().contains("tanh"), Couplings.names().toString());
        Activation ends = kind.ends(Activation.named("sigmoid"));
        for (double s : new double[]{-2.0, -0.3, 0.0, 0.7, 3.0}) {
            double t = Math.tanh(s);
            assertEquals(t, ends.rho(s), 1e-16);
            assertEquals(1 - t * t, ends.rhoPrime(s), 1e-15);
            assertEquals(1 - t * t, ends.rhoPrime(s, t), 1e-15);
            assertEquals(-2 * t * (1 - t * t), ends.rhoSecond(s), 1e-15);
        }
        assertEquals(0.5 * Math.log(3.0), ends.stateOf(0.5), 1e-15); // atanh ½
        assertEquals(0.5 * Math.log((2 - 1e-3) / 1e-3), ends.stateOf(1.0), 1e-15); // atanh(1 − 10⁻³): kept inside ±1
        assertEquals(-0.5 * Math.log((2 - 1e-3) / 1e-3), ends.stateOf(-5.0), 1e-15);
        assertTrue(ends.holomorphic());
        // the hard sigmoid's projected state has no complex form, and its range still bounds the state
        Activation hard = kind.ends(Activation.named("hard-sigmoid"));
        assertFalse(hard.holomorphic());
        assertEquals(1.0, hard.clip(1.7));
        assertEquals(1.0, hard.stateOf(0.9)); // atanh 0.9 = 1.47, then the unit's range [0, 1]
    }

    @Test
    void oneSidedEquilibriumPropagationTendsToTheExactGradientAsBetaVanishes() throws Exception {
        NetworkSpec net = net();
        double[] x = X[0];
        double[] y = {0.3, -0.6};
        DenseReference ref = new DenseReference(net);
        double[] exact = ref.exactGradient(ref.freeFixedPoint(x), y).flat(ref.freeUnits());
        double[] betas = {0.04, 0.02, 0.01};
        double[] err = new double[betas.length];
        for (int k = 0; k < betas.length; k++) {
            err[k] = relativeError(estimate(net, x, y, new PhaseSchedule(1, 300, 300, betas[k], false, 3, 1, 1, 1), "one-sided"), exact);
            System.out.printf("[TanhCouplingTest] one-sided EP, β = %.2f: relative error to the exact gradient %.3e%n", betas[k], err[k]);
        }
        for (int k = 0; k + 1 < betas.length; k++) { // first order in β: halving β halves the error (measured 1.98, 1.99)
            double ratio = err[k] / err[k + 1];
            assertTrue(ratio > 1.9 && ratio < 2.1, "β " + betas[k] + " → " + betas[k + 1] + ": error ratio " + ratio);
        }
        assertTrue(err[2] < 7e-3, "relative error at β = 0.01: " + err[2]); // measured 5.4e-3 (2.1e-2, 1.1e-2 at β = 0.04, 0.02)
    }

    /** The complex forms: the actors' complex states on a circle of nudges give the exact gradient up to O(|β|^N). */
    @Test
    void holomorphicEquilibriumPropagationGivesTheExactGradient() throws Exception {
        NetworkSpec net = net();
        double[] x = X[1];
        double[] y = {0.3, -0.6};
        DenseReference ref = new DenseReference(net);
        double[] exact = ref.exactGradient(ref.freeFixedPoint(x), y).flat(ref.freeUnits());
        double err = relativeError(estimate(net, x, y,
                new PhaseSchedule(1, 300, 300, 0.2, false, 3, 1, 1, 1, NudgeShape.circle(4)), "holomorphic"), exact);
        System.out.printf("[TanhCouplingTest] holomorphic EP, N = 4, |β| = 0.2: relative error to the exact gradient %.3e%n", err);
        assertTrue(err < 1e-4, "relative error " + err); // measured 1.7e-5
    }

    /**
     * Over both examples: max |s − s_reference| over all units, and max |∂E/∂s| over the free ones, with
     * ∂E/∂s_i = s_i − (1 − tanh² s_i)(Σ_j W_ij tanh s_j + b_i) written out here.
     */
    private static double[] errors(NetworkSpec net, DenseReference ref, RunResult run) {
        double fromReference = 0;
        double stationarity = 0;
        for (int b = 0; b < X.length; b++) {
            double[] s = new double[net.size()];
            for (int u = 0; u < s.length; u++) s[u] = run.states()[u][b];
            double[] want = ref.freeFixedPoint(X[b]);
            for (int u = 0; u < s.length; u++) fromReference = Math.max(fromReference, Math.abs(s[u] - want[u]));
            double[] h = net.biases().clone();
            for (Coupling c : net.couplings()) {
                h[c.i()] += c.weight() * Math.tanh(s[c.j()]);
                h[c.j()] += c.weight() * Math.tanh(s[c.i()]);
            }
            for (int u : ref.freeUnits()) {
                double t = Math.tanh(s[u]);
                stationarity = Math.max(stationarity, Math.abs(s[u] - (1 - t * t) * h[u]));
            }
        }
        return new double[]{fromReference, stationarity};
    }

    private static CouplingModel tanh() {
        return Couplings.named("tanh"); // as the command line finds it: by its name, through ServiceLoader
    }

    /**
     * A 3-5-2 net of quadratic σ(4s − 2) units (link delay 1, dt = 0.5) with Glorot weights doubled and
     * biases in ±0.6, so that the states reach where tanh bends; coupled through tanh.
     */
    private static NetworkSpec net() {
        SplittableRandom r = new SplittableRandom(7);
        NetworkSpec net = LayeredNetworks.build(new int[]{3, 5, 2}, 1, Activation.named("sigmoid"), 0.5, 0.0, r);
        double[] w = net.weights();
        for (int k = 0; k < w.length; k++) w[k] *= 2.0;
        double[] b = new double[net.size()];
        for (int k = 3; k < b.length; k++) b[k] = 0.6 * (2 * r.nextDouble() - 1);
        return net.withParameters(w, b).withCouplingModel(tanh());
    }

    /** The synapses' gradient estimate over one example (learning rate 0), laid out as the reference's {@code flat}. */
    private static double[] estimate(NetworkSpec net, double[] x, double[] y, PhaseSchedule schedule, String rule) throws Exception {
        LabeledData example = new LabeledData(new double[][]{x}, new double[][]{y});
        RunResult run = SimulationRunner.run(SimulationSpec.builder(net, schedule, example, example)
                        .rule(rule).rate(0.0).reset(true).seed(3).window(2).build(),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
        return new DenseReference.Gradient(run.weightGradients(), run.biasGradients()).flat(new DenseReference(net).freeUnits());
    }

    private static double relativeError(double[] estimate, double[] exact) {
        double worst = 0;
        for (int m = 0; m < exact.length; m++) worst = Math.max(worst, Math.abs(estimate[m] - exact[m]));
        return worst / Arrays.stream(exact).map(Math::abs).max().orElseThrow();
    }

    /** One evaluation episode of 400 free steps over the data in one batch, at unit granularity (blockSize 1) or in blocks. */
    private static RunResult relax(NetworkSpec net, LabeledData data, int blockSize) throws Exception {
        PhaseSchedule schedule = new PhaseSchedule(data.size(), 400, 1, 0.1, false, 1, 1, 0, data.size());
        return SimulationRunner.run(SimulationSpec.builder(net, schedule, LabeledData.empty(), data)
                        .rule("one-sided").reset(true).seed(1).window(2).blockSize(blockSize).build(),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
    }
}
