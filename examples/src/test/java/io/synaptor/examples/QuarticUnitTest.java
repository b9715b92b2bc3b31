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
import io.synaptor.network.Role;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitModel;
import io.synaptor.neurons.UnitModels;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link QuarticUnit}, U(s) = s²/2 + a·s⁴/4, on the unit and synapse actors (which find it by name,
 * as the command line does), against truths that share no code with it: the closed-form fixed
 * point of a single unit, the stationarity condition ∂E/∂s = 0 written out here, the dense
 * reference's fixed point, and its exact gradient (implicit differentiation through the Hessian
 * built from U'') as the limit of equilibrium propagation's estimate (Scellier &amp; Bengio 2017,
 * Theorem 1: bias O(β)).
 */
class QuarticUnitTest {
    private static final double A = 1.0; // the quartic coefficient, written out again: the test does not read QuarticUnit.STIFFNESS

    /**
     * One output unit fed by one input x through w, with bias b, hard-sigmoid ρ (ρ(s) = s, ρ' = 1
     * on [0, 1]): E = U(s) − (w·x + b)·s, so ∂E/∂s = 0 is s + a·s³ = h with h = w·x + b, a
     * depressed cubic s³ + p·s + q = 0 (p = 1/a, q = −h/a) whose only real root (p &gt; 0) is
     * Cardano's s = ∛(h/2a + √D) + ∛(h/2a − √D), D = (h/2a)² + (1/3a)³; for 0 ≤ h ≤ 1 + a it
     * lies in [0, 1], where the hard sigmoid is the identity. Being the minimum of E in s, it is also
     * where the reference's E(s), built from {@link UnitModel#selfEnergy}, is least.
     */
    @Test
    void anIsolatedUnitSettlesAtTheRootOfTheCubic() throws Exception {
        double w = 0.8;
        double b = 0.3;
        double[] xs = {0.0, 0.25, 0.5, 0.75, 1.0}; // h = 0.3 … 1.1
        NetworkSpec net = new NetworkSpec(new Role[]{Role.INPUT, Role.OUTPUT}, new int[]{0, 1}, List.of(new Coupling(0, 1, w, 1)),
                new double[]{0.0, b}, Activation.named("hard-sigmoid"), 0.5, 0.0).withModels(NetworkSpec.uniform(2, quartic()));
        DenseReference ref = new DenseReference(net);
        double[][] x = new double[xs.length][];
        for (int k = 0; k < xs.length; k++) x[k] = new double[]{xs[k]};
        RunResult run = relax(net, new LabeledData(x, new double[xs.length][1]), 200);

        double worst = 0;
        for (int k = 0; k < xs.length; k++) {
            double h = w * xs[k] + b;
            double m = h / (2 * A);
            double sqrtD = Math.sqrt(m * m + Math.pow(1 / (3 * A), 3));
            double root = Math.cbrt(m + sqrtD) + Math.cbrt(m - sqrtD);
            worst = Math.max(worst, Math.abs(run.states()[1][k] - root));
            // ... and the root minimises E as the reference computes it from U(s): E(s* ± δ) − E(s*) ≈ U''(s*)·δ²/2 > 0
            double delta = 1e-3;
            double at = ref.energy(new double[]{xs[k], root});
            assertTrue(ref.energy(new double[]{xs[k], root - delta}) > at && ref.energy(new double[]{xs[k], root + delta}) > at,
                    "E is not least at the root for h = " + h);
            assertTrue(Math.abs(root - h) > 0.02, "the quartic term matters at h = " + h); // a quadratic unit would settle at h
        }
        System.out.printf("[QuarticUnitTest] isolated unit: max |s − Cardano root| = %.2e%n", worst);
        assertTrue(worst < 1e-15, "max |s − root| " + worst); // measured 1.1e-16: 200 steps at dt = 0.5 reach round-off
    }

    @Test
    void theActorsRelaxToTheStationaryPointOfTheQuarticEnergy() throws Exception {
        NetworkSpec net = randomQuarticNet();
        double[][] x = {{0.9, 0.1, 0.6, 0.3}, {0.2, 0.8, 0.4, 0.7}};
        RunResult run = relax(net, new LabeledData(x, new double[x.length][3]), 400);
        DenseReference ref = new DenseReference(net);

        double fromReference = 0;
        double stationarity = 0;
        for (int b = 0; b < x.length; b++) {
            double[] s = new double[net.size()];
            for (int u = 0; u < s.length; u++) s[u] = run.states()[u][b];
            double[] want = ref.freeFixedPoint(x[b]);
            for (int u = 0; u < s.length; u++) fromReference = Math.max(fromReference, Math.abs(s[u] - want[u]));
            // ∂E/∂s_i = s_i + a·s_i³ − ρ'(s_i)·(Σ_j W_ij ρ(s_j) + b_i) on every free unit, written out here
            double[] h = net.biases().clone();
            Activation act = net.activation();
            for (Coupling c : net.couplings()) {
                h[c.i()] += c.weight() * act.rho(s[c.j()]);
                h[c.j()] += c.weight() * act.rho(s[c.i()]);
            }
            for (int u : ref.freeUnits()) {
                stationarity = Math.max(stationarity, Math.abs(s[u] + A * s[u] * s[u] * s[u] - act.rhoPrime(s[u]) * h[u]));
            }
        }
        System.out.printf("[QuarticUnitTest] 4-7-6-3: max |s_actors − s_reference| = %.2e, max |∂E/∂s| = %.2e%n",
                fromReference, stationarity);
        assertTrue(fromReference < 2e-14, "actors vs reference " + fromReference); // measured 2.2e-15
        assertTrue(stationarity < 3e-14, "max |∂E/∂s| " + stationarity); // measured 3.2e-15
    }

    @Test
    void equilibriumPropagationTendsToTheExactGradientAsBetaVanishes() throws Exception {
        NetworkSpec net = randomQuarticNet();
        double[] x = {0.9, 0.1, 0.6, 0.3};
        double[] y = {0.0, 1.0, 0.0};
        DenseReference ref = new DenseReference(net);
        int[] free = ref.freeUnits();
        double[] exact = ref.exactGradient(ref.freeFixedPoint(x), y).flat(free);
        double[] betas = {0.04, 0.02, 0.01};
        double[] err = new double[betas.length];
        for (int k = 0; k < betas.length; k++) {
            LabeledData example = new LabeledData(new double[][]{x}, new double[][]{y});
            PhaseSchedule schedule = new PhaseSchedule(1, 400, 400, betas[k], false, 3, 1, 1, 1);
            RunResult run = SimulationRunner.run(SimulationSpec.builder(net, schedule, example, example)
                            .rule("one-sided").reset(true).seed(3).window(2).build(),
                    SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
            double[] estimate = new DenseReference.Gradient(run.weightGradients(), run.biasGradients()).flat(free);
            double worst = 0;
            for (int m = 0; m < exact.length; m++) worst = Math.max(worst, Math.abs(estimate[m] - exact[m]));
            err[k] = worst / Arrays.stream(exact).map(Math::abs).max().orElseThrow();
            System.out.printf("[QuarticUnitTest] one-sided EP, β = %.2f: relative error to the exact gradient %.3e%n", betas[k], err[k]);
        }
        for (int k = 0; k + 1 < betas.length; k++) { // first order in β: halving β halves the error (measured 1.98, 1.99)
            double ratio = err[k] / err[k + 1];
            assertTrue(ratio > 1.9 && ratio < 2.1, "β " + betas[k] + " → " + betas[k + 1] + ": error ratio " + ratio);
        }
        assertTrue(err[2] < 1e-2, "relative error at β = 0.01: " + err[2]); // measured 8.9e-3 (3.5e-2, 1.8e-2 at β = 0.04, 0.02)
    }

    @Test
    void hasNoComplexForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quartic().dynamics(Activation.named("sigmoid"), 0.5, 0.0, true));
        assertTrue(e.getMessage().contains("no complex form"), e.getMessage());
    }

    /** The model as the command line finds it: by its name, through ServiceLoader. */
    private static UnitModel quartic() {
        return UnitModels.named("quartic");
    }

    /**
     * A random 4-7-6-3 net (σ(4s − 2), link delay 1) of quartic units, with non-zero biases; dt = 0.25, because at
     * dt = 0.5 the stiffest units (U'' = 1 + 3s² ≈ 3) and the one-step link delay settle into a period-2 cycle around
     * the fixed point (the relaxation check flags 3 of 2 × 16 unit-examples unconverged; the delay-free reference
     * still converges).
     */
    private static NetworkSpec randomQuarticNet() {
        SplittableRandom r = new SplittableRandom(42);
        NetworkSpec net = LayeredNetworks.build(new int[]{4, 7, 6, 3}, 1, Activation.named("sigmoid"), 0.25, 0.0, r);
        double[] b = new double[net.size()];
        for (int k = 0; k < b.length; k++) b[k] = 0.5 * (2 * r.nextDouble() - 1);
        return net.withParameters(net.weights(), b).withModels(NetworkSpec.uniform(net.size(), quartic()));
    }

    /** One evaluation episode of {@code steps} free steps over the data in one batch: the final states are the relaxed ones. */
    private static RunResult relax(NetworkSpec net, LabeledData data, int steps) throws Exception {
        PhaseSchedule schedule = new PhaseSchedule(data.size(), steps, 1, 0.1, false, 1, 1, 0, data.size());
        return SimulationRunner.run(SimulationSpec.builder(net, schedule, LabeledData.empty(), data)
                        .rule("one-sided").reset(true).seed(1).window(2).build(),
                SimulationRunner.Runtime.defaults(), ProgressListener.NONE);
    }
}

