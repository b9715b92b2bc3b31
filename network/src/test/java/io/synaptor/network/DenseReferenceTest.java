package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.OverdampedUnit;
import io.synaptor.synapses.OneSidedEP;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dense reference against independent truths: finite differences of its own energy, of its
 * own gradient, and — the key check — of the loss at re-solved fixed points.
 */
class DenseReferenceTest {
    private static final int[] LAYERS = {3, 5, 4, 2};

    /** A random 3-5-4-2 net (Glorot weights from the builder) with random biases on every unit. */
    static NetworkSpec net(String activation, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkSpec base = LayeredNetworks.build(LAYERS, 1, Activation.named(activation), 0.5, 0.0, r);
        double[] b = new double[base.size()];
        for (int k = 0; k < b.length; k++) b[k] = r.nextDouble() - 0.5;
        return base.withParameters(base.weights(), b);
    }

    static double[] input(String activation, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 1);
        double lo = activation.equals("tanh") ? -1 : 0;
        double[] x = new double[LAYERS[0]];
        for (int k = 0; k < x.length; k++) x[k] = lo + (1 - lo) * r.nextDouble();
        return x;
    }

    static double[] target(String activation, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 2);
        double lo = activation.equals("tanh") ? -1 : 0;
        double[] y = new double[LAYERS[LAYERS.length - 1]];
        for (int k = 0; k < y.length; k++) y[k] = lo + (1 - lo) * r.nextDouble();
        return y;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    @ParameterizedTest
    @CsvSource({"sigmoid,1", "sigmoid,2", "sigmoid,3", "tanh,1", "tanh,2", "tanh,3"})
    void freeAndNudgedFixedPointsHaveZeroGradient(String act, long seed) {
        DenseReference ref = new DenseReference(net(act, seed));
        double[] x = input(act, seed), y = target(act, seed);
        double[] s0 = ref.freeFixedPoint(x);
        double r0 = maxAbs(ref.gradient(s0, 0.0, null));
        double[] sb = ref.fixedPoint(x, 0.5, y);
        double rb = maxAbs(ref.gradient(sb, 0.5, y));
        System.out.printf("[DenseReferenceTest] %s seed %d: free residual %.1e, nudged residual %.1e%n", act, seed, r0, rb);
        // measured ≤ 6.7e-16 (a few ulps)
        assertTrue(r0 < 5e-15, "free residual " + r0);
        assertTrue(rb < 5e-15, "nudged residual " + rb);
        // inputs stay clamped
        for (int k = 0; k < x.length; k++) {
            assertEquals(x[k], s0[k], 0.0);
            assertEquals(x[k], sb[k], 0.0);
        }
        // the nudge pulls the outputs toward the target: C(s^β) < C(s^0)
        assertTrue(ref.loss(sb, y) < ref.loss(s0, y));
        // and the free state is not trivially the starting point
        assertTrue(maxAbs(ref.gradient(ref.clamped(x), 0.0, null)) > 1e-3);
    }

    /** ∂F/∂s from gradient() against central differences of energy() + β·loss(): two separate code paths. */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "hard-sigmoid"})
    void gradientIsTheDerivativeOfTheEnergy(String act) {
        DenseReference ref = new DenseReference(net(act, 5));
        SplittableRandom r = new SplittableRandom(8);
        double[] y = target(act, 5);
        double worst = 0;
        for (int trial = 0; trial < 5; trial++) {
            double[] s = ref.clamped(input(act, 5 + trial));
            for (int k : ref.freeUnits()) s[k] = 1.6 * r.nextDouble() - 0.3;
            if (act.equals("hard-sigmoid")) { // keep clear of the kinks at 0 and 1
                for (int k : ref.freeUnits()) if (Math.abs(s[k]) < 1e-3 || Math.abs(s[k] - 1) < 1e-3) s[k] += 0.01;
            }
            for (double beta : new double[]{0.0, 0.7, -0.3}) {
                double[] g = ref.gradient(s, beta, y);
                for (int k : ref.freeUnits()) {
                    double h = 1e-6;
                    double[] sp = s.clone(), sm = s.clone();
                    sp[k] += h;
                    sm[k] -= h;
                    double fd = (ref.energy(sp) + beta * ref.loss(sp, y) - ref.energy(sm) - beta * ref.loss(sm, y)) / (2 * h);
                    assertEquals(fd, g[k], 5e-9, act + " unit " + k + " beta " + beta); // measured ≤ 9.1e-10 (h = 1e-6)
                    worst = Math.max(worst, Math.abs(fd - g[k]));
                }
                for (int k = 0; k < LAYERS[0]; k++) assertEquals(0.0, g[k], 0.0, "inputs feel no force");
            }
        }
        System.out.printf("[DenseReferenceTest] %s worst |FD(E+bC) - gradient| = %.2e%n", act, worst);
    }

    /** The unit-level dynamics (neurons module) and the dense gradient agree component by component. */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void unitDynamicsAgreeWithDenseGradient(String act) {
        NetworkSpec spec = net(act, 6);
        DenseReference ref = new DenseReference(spec);
        OverdampedUnit unit = (OverdampedUnit) spec.dynamics(0, false);
        double[] y = target(act, 6);
        double[] s = ref.clamped(input(act, 6));
        SplittableRandom r = new SplittableRandom(9);
        for (int k : ref.freeUnits()) s[k] = r.nextDouble();
        double[] h = ref.field(s);
        double[] g = ref.gradient(s, 0.4, y);
        int[] outs = spec.outputs();
        for (int k : ref.freeUnits()) {
            double yk = 0;
            boolean out = false;
            for (int o = 0; o < outs.length; o++) if (outs[o] == k) {
                yk = y[o];
                out = true;
            }
            assertEquals(g[k], unit.gradient(s[k], h[k], out ? 0.4 : 0.0, yk), 1e-14);
        }
        // the field is W ρ + b by hand
        for (int k = 0; k < spec.size(); k++) {
            double hk = spec.biases()[k];
            for (Coupling c : spec.couplings()) {
                if (c.i() == k) hk += c.weight() * spec.activation().rho(s[c.j()]);
                if (c.j() == k) hk += c.weight() * spec.activation().rho(s[c.i()]);
            }
            assertEquals(hk, h[k], 1e-14);
        }
    }

    @ParameterizedTest
    @CsvSource({"sigmoid,0.0", "sigmoid,0.8", "tanh,0.0", "tanh,-0.4"})
    void hessianMatchesFiniteDifferencesOfTheGradient(String act, double beta) {
        DenseReference ref = new DenseReference(net(act, 4));
        double[] x = input(act, 4), y = target(act, 4);
        int[] free = ref.freeUnits();
        double[] random = ref.clamped(x);
        SplittableRandom r = new SplittableRandom(10);
        for (int k : free) random[k] = 1.4 * r.nextDouble() - 0.2;
        double worst = 0;
        for (double[] s : new double[][]{ref.freeFixedPoint(x), random}) {
            DMatrixRMaj hess = ref.hessian(s, beta);
            assertEquals(free.length, hess.numRows);
            for (int b = 0; b < free.length; b++) {
                double h = 1e-6;
                double[] sp = s.clone(), sm = s.clone();
                sp[free[b]] += h;
                sm[free[b]] -= h;
                double[] gp = ref.gradient(sp, beta, y), gm = ref.gradient(sm, beta, y);
                for (int a = 0; a < free.length; a++) {
                    double fd = (gp[free[a]] - gm[free[a]]) / (2 * h);
                    assertEquals(fd, hess.get(a, b), 2e-9, act + " H[" + a + "][" + b + "]"); // measured ≤ 2.3e-10
                    assertEquals(hess.get(a, b), hess.get(b, a), 1e-15, "symmetric");
                    worst = Math.max(worst, Math.abs(fd - hess.get(a, b)));
                }
            }
        }
        System.out.printf("[DenseReferenceTest] %s beta %.1f worst |FD(grad) - H| = %.2e%n", act, beta, worst);
    }

    /**
     * The key check: implicit differentiation against central differences of
     * L(θ) = C(s*(x; θ), y), perturbing each weight and each bias and re-solving the fixed point.
     */
    @ParameterizedTest
    @CsvSource({"sigmoid,1", "sigmoid,2", "tanh,1", "tanh,2"})
    void exactGradientMatchesFiniteDifferencesOfTheLoss(String act, long seed) {
        NetworkSpec spec = net(act, seed);
        DenseReference ref = new DenseReference(spec);
        double[] x = input(act, seed), y = target(act, seed);
        double[] s = ref.freeFixedPoint(x);
        DenseReference.Gradient g = ref.exactGradient(s, y);
        double[] w = spec.weights(), b = spec.biases();
        assertEquals(w.length, g.weights().length);
        double eps = 1e-5;
        double[] exact = g.flat(ref.freeUnits());
        double[] fd = new double[exact.length];
        for (int k = 0; k < w.length; k++) {
            double[] wp = w.clone(), wm = w.clone();
            wp[k] += eps;
            wm[k] -= eps;
            fd[k] = (lossAt(spec.withParameters(wp, b), x, y) - lossAt(spec.withParameters(wm, b), x, y)) / (2 * eps);
        }
        int[] free = ref.freeUnits();
        for (int a = 0; a < free.length; a++) {
            double[] bp = b.clone(), bm = b.clone();
            bp[free[a]] += eps;
            bm[free[a]] -= eps;
            fd[w.length + a] = (lossAt(spec.withParameters(w, bp), x, y) - lossAt(spec.withParameters(w, bm), x, y)) / (2 * eps);
        }
        double scale = maxAbs(fd);
        assertTrue(scale > 1e-3, "a degenerate problem would make the check vacuous: " + scale);
        double worstRel = 0, worstAbs = 0, dot = 0, n1 = 0, n2 = 0;
        for (int k = 0; k < fd.length; k++) {
            double err = Math.abs(fd[k] - exact[k]);
            // relative to the entry, floored at 1 % of the largest entry (tiny entries are all rounding)
            double rel = err / Math.max(Math.abs(fd[k]), 1e-2 * scale);
            worstRel = Math.max(worstRel, rel);
            worstAbs = Math.max(worstAbs, err);
            dot += fd[k] * exact[k];
            n1 += fd[k] * fd[k];
            n2 += exact[k] * exact[k];
            assertTrue(rel < 5e-7, act + " parameter " + k + ": FD " + fd[k] + " vs exact " + exact[k]);
        }
        // input biases do nothing to L and the reference reports zero for them
        for (int k = 0; k < LAYERS[0]; k++) assertEquals(0.0, g.biases()[k], 0.0);
        double[] bp = b.clone();
        bp[0] += 0.3;
        assertEquals(lossAt(spec, x, y), lossAt(spec.withParameters(w, bp), x, y), 1e-14);
        System.out.printf("[DenseReferenceTest] %s seed %d: %d params, max|dL| %.3e, worst rel err %.2e, worst abs err %.2e, cos %.12f%n",
                act, seed, fd.length, scale, worstRel, worstAbs, dot / Math.sqrt(n1 * n2));
    }

    private static double lossAt(NetworkSpec spec, double[] x, double[] y) {
        DenseReference r = new DenseReference(spec);
        return r.loss(r.freeFixedPoint(x), y);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void energyDecreasesAlongTheFreeDynamics(String act) {
        NetworkSpec spec = net(act, 7);
        DenseReference ref = new DenseReference(spec);
        double[] x = input(act, 7);
        double[] s = ref.clamped(x);
        double e = ref.energy(s), first = e;
        int[] free = ref.freeUnits();
        for (int it = 0; it < 400; it++) {
            double[] g = ref.gradient(s, 0.0, null);
            for (int k : free) s[k] -= spec.dt() * g[k];
            double next = ref.energy(s);
            assertTrue(next <= e + 1e-13, "energy rose at iteration " + it + ": " + e + " -> " + next);
            e = next;
        }
        double eStar = ref.energy(ref.freeFixedPoint(x));
        System.out.printf("[DenseReferenceTest] %s energy %.6f -> %.12f, E(s*) = %.12f (difference %.1e)%n", act, first, e, eStar, e - eStar);
        assertTrue(first - e > 1e-2, "the dynamics should actually descend");
        assertEquals(eStar, e, 1e-14); // measured 4.4e-16 (sigmoid), 8.9e-16 (tanh): a few ulps
    }

    /** A free fixed point is a local minimum of E: no small move of one free unit lowers it. */
    @ParameterizedTest
    @CsvSource({"sigmoid,1", "sigmoid,2", "tanh,1", "tanh,2"})
    void freeFixedPointIsALocalMinimumOfTheEnergy(String act, long seed) {
        DenseReference ref = new DenseReference(net(act, seed));
        assertLocalMinimum(ref, ref.freeFixedPoint(input(act, seed)));
    }

    private static void assertLocalMinimum(DenseReference ref, double[] s) {
        double e = ref.energy(s);
        for (int k : ref.freeUnits()) {
            for (double d : new double[]{1e-3, -1e-3}) {
                double[] sp = s.clone();
                sp[k] += d;
                assertTrue(ref.energy(sp) >= e, "moving unit " + k + " by " + d + " lowers E: " + e + " -> " + ref.energy(sp));
            }
        }
    }

    /**
     * With the hard sigmoid, ρ'(0) = 0, so the starting state s = 0 is a stationary point of the
     * dynamics whatever the input: the reference returns s = 0 on every free unit although E
     * decreases as soon as a unit with positive field moves above 0.
     */
    @Test
    void hardSigmoidFreeFixedPointIsALocalMinimum() {
        NetworkSpec spec = LayeredNetworks.build(LAYERS, 1, Activation.named("hard-sigmoid"), 0.5, 0.0, new SplittableRandom(1));
        double[] w = spec.weights();
        for (int k = 0; k < w.length; k++) w[k] = Math.abs(w[k]); // positive weights: every field is positive
        DenseReference ref = new DenseReference(spec.withParameters(w, new double[spec.size()]));
        double[] s = ref.freeFixedPoint(new double[]{1, 1, 1});
        assertLocalMinimum(ref, s);
    }

    /**
     * EP against the exact gradient, through the real rule: OneSidedEP fed with ρ at the free and
     * nudged fixed points of the reference. The one-sided estimate is biased by O(β) (error halves
     * with β); the symmetric ±β difference by O(β²).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void equilibriumPropagationConvergesToTheExactGradient(String act) {
        NetworkSpec spec = net(act, 3);
        DenseReference ref = new DenseReference(spec);
        Activation a = spec.activation();
        double[] x = input(act, 3), y = target(act, 3);
        double[] s0 = ref.freeFixedPoint(x);
        double[] exact = ref.exactGradient(s0, y).weights();
        double prevErr = Double.NaN;
        for (double beta : new double[]{0.02, 0.01, 0.005}) {
            PhaseSchedule sched = new PhaseSchedule(1, 10, 10, beta, false, 1, 1, 1, 0);
            double[] sb = ref.fixedPoint(x, beta, y);
            double[] sm = ref.fixedPoint(x, -beta, y);
            double err = 0, errSym = 0, norm = 0;
            for (int k = 0; k < exact.length; k++) {
                Coupling c = spec.couplings().get(k);
                OneSidedEP rule = new OneSidedEP(sched, 0.1);
                assertEquals(10, rule.nextSampleTime(0));
                assertEquals(0.0, rule.observe(10, new double[]{a.rho(s0[c.i()])}, new double[]{a.rho(s0[c.j()])}), 0.0);
                assertEquals(20, rule.nextSampleTime(11));
                double dw = rule.observe(20, new double[]{a.rho(sb[c.i()])}, new double[]{a.rho(sb[c.j()])});
                assertEquals(-0.1 * rule.lastGradient(), dw, 1e-15);
                double sym = -(a.rho(sb[c.i()]) * a.rho(sb[c.j()]) - a.rho(sm[c.i()]) * a.rho(sm[c.j()])) / (2 * beta);
                err += sq(rule.lastGradient() - exact[k]);
                errSym += sq(sym - exact[k]);
                norm += sq(exact[k]);
            }
            err = Math.sqrt(err / norm);
            errSym = Math.sqrt(errSym / norm);
            System.out.printf("[DenseReferenceTest] %s beta %.3f: one-sided rel err %.3e, symmetric %.3e%n", act, beta, err, errSym);
            // measured 0.34β … 0.38β and 0.44β² … 0.48β² (β = 0.005 … 0.02)
            assertTrue(err < beta, "one-sided error " + err);
            assertTrue(errSym < beta * beta, "symmetric error " + errSym);
            assertTrue(errSym < err);
            if (!Double.isNaN(prevErr)) {
                double ratio = prevErr / err;
                assertTrue(ratio > 1.8 && ratio < 2.2, "one-sided bias should be first order in β, ratio " + ratio);
            }
            prevErr = err;
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
