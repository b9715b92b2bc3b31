package io.synaptor.examples;

import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.DenseReference;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import io.synaptor.synapses.Rules;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CoupledLearning} on both engines — the unit and synapse actors and the synchronous
 * simulation — against coupled learning written out from its definition (Stern et al. 2021, PRX 11,
 * 021045): ΔW = (α/η)[ρ_iρ_j(s^C) − ρ_iρ_j(s^F)], s^F the free fixed point and s^C the fixed point
 * with the outputs held at (1 − η)·s^F_out + η·y, both solved by the dense reference
 * ({@link DenseReference}: synchronous gradient dynamics + Newton; it shares no code with the rule).
 * Net 4-7-6-3 (σ(4s − 2), dt = 0.5, link delay 1), one example, one training episode.
 */
class CoupledLearningTest {
    private static final long SEED = 3;
    private static final NetworkSpec NET = randomNet();
    private static final DenseReference REF = new DenseReference(NET);
    private static final double[] X = {0.9, 0.1, 0.6, 0.3};
    private static final double[] Y = {0.0, 1.0, 0.0};
    private static final LabeledData EXAMPLE = new LabeledData(new double[][]{X}, new double[][]{Y});
    private static final double RATE = 0.1;

    @Test
    void movesTheWeightsByTheScaledDifferenceOfTheFreeAndPartlyClampedFixedPoints() throws Exception {
        double eta = 0.3;
        double[] free = REF.freeFixedPoint(X);
        double[] held = new double[Y.length]; // (1 − η)·s^F + η·y on each output
        for (int o = 0; o < Y.length; o++) held[o] = (1 - eta) * free[NET.outputs()[o]] + eta * Y[o];
        double[] want = scaled(RATE / eta, correlations(clampedFixedPoint(held)), correlations(free));
        assertTrue(maxAbs(want) > 0.05, "the clamped phase moves the weights"); // measured 0.072

        double actors = relativeError(actorsChange(eta), want);
        double synchronous = relativeError(synchronousChange(eta), want);
        System.out.printf("[CoupledLearningTest] η = %.1f: relative error actors %.2e, synchronous %.2e (max |ΔW| %.2e)%n",
                eta, actors, synchronous, maxAbs(want));
        assertTrue(actors < 5e-14, "actors: relative error " + actors); // measured 7.5e-15: both phases relax to round-off
        assertTrue(synchronous < 1e-14, "synchronous: relative error " + synchronous); // measured 1.3e-15
    }

    @Test
    void isContrastiveHebbianLearningAtEtaOne() throws Exception {
        // η = 1 holds the outputs at the target: Movellan's CHL, the built-in rule "chl"
        double[] chl = change(SimulationRunner.run(spec("chl", 1.0), SimulationRunner.Runtime.defaults(), ProgressListener.NONE));
        double err = relativeError(actorsChange(1.0), chl);
        System.out.printf("[CoupledLearningTest] η = 1: relative error to CHL %.2e%n", err);
        assertTrue(err < 1e-13, "relative error to CHL " + err); // measured 0 (the same bits)
    }

    @Test
    void isFoundByItsSettingName() {
        assertEquals(CoupledLearning.class, Rules.named("coupled-learning").getClass());
        assertEquals(0.7 * 0.2 + 0.3 * 1.0, Rules.named("coupled-learning").clamp().value(0.2, 1.0, 0.3), 1e-15);
    }

    private static double[] actorsChange(double eta) throws Exception {
        return change(SimulationRunner.run(spec("coupled-learning", eta), SimulationRunner.Runtime.defaults(), ProgressListener.NONE));
    }

    private static double[] synchronousChange(double eta) {
        SynchronousSimulation.Result r = SynchronousSimulation.of(NET, schedule(eta), EXAMPLE, EXAMPLE)
                .rule("coupled-learning").rate(RATE).reset(true).noise(SplittableRandom::new).run();
        return change(r.weights(), r.biases());
    }

    /** One training episode (400 free steps, 400 clamped) on the example, then one evaluation episode. */
    private static SimulationSpec spec(String rule, double eta) {
        return SimulationSpec.builder(NET, schedule(eta), EXAMPLE, EXAMPLE).rule(rule).rate(RATE).reset(true).seed(SEED).window(2).build();
    }

    private static PhaseSchedule schedule(double eta) {
        return new PhaseSchedule(1, 400, 400, eta, false, SEED, 1, 1, 1);
    }

    /** A random layered net with non-zero biases, so every unit has something to relax toward. */
    private static NetworkSpec randomNet() {
        SplittableRandom r = new SplittableRandom(42);
        NetworkSpec net = LayeredNetworks.build(new int[]{4, 7, 6, 3}, 1, Activation.named("sigmoid"), 0.5, 0.0, r);
        double[] b = new double[net.size()];
        for (int k = 0; k < b.length; k++) b[k] = 0.5 * (2 * r.nextDouble() - 1);
        return net.withParameters(net.weights(), b);
    }

    /** The fixed point with the outputs held at {@code held}: the free one of the same net with its outputs made inputs. */
    private static double[] clampedFixedPoint(double[] held) {
        Role[] roles = NET.roles().clone();
        for (int o : NET.outputs()) roles[o] = Role.INPUT;
        NetworkSpec clamped = new NetworkSpec(roles, NET.layerOf(), NET.couplings(), NET.biases(), NET.activation(), NET.dt(),
                NET.temperature(), NET.models());
        int[] order = IntStream.concat(Arrays.stream(NET.inputs()), Arrays.stream(NET.outputs())).toArray();
        assertArrayEquals(order, clamped.inputs(), "inputs then outputs, in unit order");
        return new DenseReference(clamped).freeFixedPoint(DoubleStream.concat(Arrays.stream(X), Arrays.stream(held)).toArray());
    }

    /** ρ_iρ_j per coupling, then ρ_i per free unit (a bias is a coupling to ρ ≡ 1). */
    private static double[] correlations(double[] s) {
        Activation act = NET.activation();
        int nw = NET.couplings().size();
        int[] free = REF.freeUnits();
        double[] c = new double[nw + free.length];
        for (int k = 0; k < nw; k++) c[k] = act.rho(s[NET.couplings().get(k).i()]) * act.rho(s[NET.couplings().get(k).j()]);
        for (int a = 0; a < free.length; a++) c[nw + a] = act.rho(s[free[a]]);
        return c;
    }

    private static double[] change(RunResult run) {
        return change(run.weights(), run.biases());
    }

    /** The change of the weights and of the free units' biases over the run, laid out as {@link #correlations}. */
    private static double[] change(double[] weights, double[] biases) {
        return scaled(1.0, flat(weights, biases), flat(NET.weights(), NET.biases()));
    }

    private static double[] flat(double[] weights, double[] biases) {
        return new DenseReference.Gradient(weights, biases).flat(REF.freeUnits());
    }

    /** f·(a − b). */
    private static double[] scaled(double f, double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < d.length; k++) d[k] = f * (a[k] - b[k]);
        return d;
    }

    private static double relativeError(double[] got, double[] want) {
        double worst = 0;
        for (int k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(got[k] - want[k]));
        return worst / maxAbs(want);
    }

    private static double maxAbs(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElseThrow();
    }
}
