package io.synaptor.neurons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverdampedUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "hard-sigmoid", "tanh"})
    void oneStepIsExplicitEulerByHand(String name) {
        Activation a = Activation.named(name);
        double dt = 0.07;
        OverdampedUnit u = new OverdampedUnit(a, SelfEnergy.QUADRATIC, dt, 0.0);
        double[][] cases = { // s, h, beta, y
                {0.3, 1.7, 0.0, 0.0}, {0.3, 1.7, 0.5, 0.9}, {-0.8, -0.4, -0.25, 0.2}, {1.3, 0.2, 1.0, -1.0}, {0.62, -2.0, 0.1, 0.62}};
        for (double[] c : cases) {
            double s = c[0], h = c[1], beta = c[2], y = c[3];
            double rp = name.equals("sigmoid") ? 4 * sig(4 * s - 2) * (1 - sig(4 * s - 2))
                    : name.equals("tanh") ? 1 - Math.tanh(s) * Math.tanh(s) : (s >= 0 && s <= 1 ? 1 : 0);
            double expected = s - dt * (s - rp * h + beta * (s - y));
            if (name.equals("hard-sigmoid")) expected = Math.min(1.0, Math.max(0.0, expected)); // projected, as in the paper
            assertEquals(expected, u.step(s, h, beta, y, 0.0), 1e-15);
            // T = 0: the gaussian draw is ignored
            assertEquals(expected, u.step(s, h, beta, y, 3.7), 1e-15);
            assertEquals(s - rp * h + beta * (s - y), u.gradient(s, h, beta, y), 1e-15);
        }
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The slice's bulk calls (its hot loop) are the per-example calls in one: the same bits, signed zeros included. */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "hard-sigmoid", "tanh"})
    void bulkFreeStepsAndRhoEqualPerExampleCalls(String name) {
        java.util.List<UnitDynamics> units = new java.util.ArrayList<>(java.util.List.of(
                new OverdampedUnit(Activation.named(name), SelfEnergy.QUADRATIC, 0.07, 0.0),
                new OverdampedUnit(Activation.named(name), QuarticPotential.doubleWell(), 0.03, 0.0)));
        if (!name.equals("hard-sigmoid")) units.add(new HolomorphicUnit(Activation.named(name), 0.05, 0.0)); // not holomorphic
        for (UnitDynamics u : units) {
            SplittableRandom r = new SplittableRandom(11);
            int n = 40 * u.components();
            double[] s = new double[n];
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = 3 * r.nextDouble() - 1.5;
                h[i] = 4 * r.nextDouble() - 2;
            }
            s[12] = -0.0;
            s[13] = 0.0;
            h[13] = 0.0;
            double[] rho = new double[n];
            u.rhoAll(s, rho);
            double[] rhoOne = new double[n];
            for (int b = 0; b < n / u.components(); b++) u.rho(s, b, rhoOne);
            assertArrayEquals(rhoOne, rho, 0.0);
            double[] bulk = s.clone();
            double[] one = s.clone();
            u.freeSteps(bulk, 10, 30, h, 0.3, rho);
            for (int b = 10; b < 30; b++) u.step(one, b, h, 0.3, 0.0, 0.0, 0.0, 0.0, rho);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(one[i]), Double.doubleToRawLongBits(bulk[i]), name + " entry " + i);
            }
            assertTrue(bulk[15 * u.components()] != s[15 * u.components()]); // it did step
            assertEquals(s[35 * u.components()], bulk[35 * u.components()], 0.0); // and only [10, 30)
        }
    }

    @Test
    void freeStepIgnoresTarget() {
        OverdampedUnit u = new OverdampedUnit(new Tanh(), SelfEnergy.QUADRATIC, 0.1, 0.0);
        assertEquals(u.step(0.4, 0.9, 0.0, 0.0, 0.0), u.step(0.4, 0.9, 0.0, Double.NaN, 0.0), 0.0);
    }

    @Test
    void noiseIncrementIsSqrtTwoTDt() {
        double dt = 0.02, temp = 0.35;
        OverdampedUnit u = new OverdampedUnit(new ShiftedSigmoid(), SelfEnergy.QUADRATIC, dt, temp);
        assertTrue(u.isNoisy());
        double scale = Math.sqrt(2 * temp * dt); // = 0.1183215956619923
        assertEquals(0.1183215956619923, scale, 1e-15);
        double d1 = u.step(0.4, 0.5, 0.2, 1.0, 1.0) - u.step(0.4, 0.5, 0.2, 1.0, 0.0);
        double dm = u.step(0.4, 0.5, 0.2, 1.0, -2.5) - u.step(0.4, 0.5, 0.2, 1.0, 0.0);
        assertEquals(scale, d1, 1e-15);
        assertEquals(-2.5 * scale, dm, 1e-14);
        assertFalse(new OverdampedUnit(new Tanh(), SelfEnergy.QUADRATIC, dt, 0.0).isNoisy());
    }

    @Test
    void constructorRejectsBadDtAndTemperature() {
        Activation a = new Tanh();
        SelfEnergy q = SelfEnergy.QUADRATIC;
        for (double dt : new double[]{0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new OverdampedUnit(a, q, dt, 0.0), "dt " + dt);
        }
        for (double t : new double[]{-1e-9, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new OverdampedUnit(a, q, 0.1, t), "T " + t);
        }
        assertEquals(0.1, new OverdampedUnit(a, q, 0.1, 0.0).dt(), 0.0);
    }

    /**
     * With zero field and no nudge, s ← (1 − dt) s + √(2T dt) ξ is an AR(1) process whose stationary
     * variance is exactly 2T dt / (1 − (1 − dt)²) = T / (1 − dt/2).
     * With φ = 1 − dt = 0.99 the relative standard error of the sample variance over N steps is
     * √(2(1+φ²)/((1−φ²)N)) ≈ 1.0 % for N = 2·10⁶ (≈ 3.2 % for the 2·10⁵ of the brief, too close
     * to a 5 % tolerance), so 5 % is ≈ 5 standard errors.
     */
    @Test
    void langevinStationaryVarianceMatchesAr1() {
        double dt = 0.01, temp = 0.5;
        OverdampedUnit u = new OverdampedUnit(new ShiftedSigmoid(), SelfEnergy.QUADRATIC, dt, temp);
        SplittableRandom rnd = new SplittableRandom(20240611L);
        double s = 0.0;
        for (int k = 0; k < 5_000; k++) s = u.step(s, 0.0, 0.0, 0.0, gaussian(rnd));
        int n = 2_000_000;
        double sum = 0, sum2 = 0;
        for (int k = 0; k < n; k++) {
            s = u.step(s, 0.0, 0.0, 0.0, gaussian(rnd));
            sum += s;
            sum2 += s * s;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        double exact = temp * dt * 2 / (1 - (1 - dt) * (1 - dt));
        System.out.printf("[OverdampedUnitTest] OU variance %.5f vs exact %.5f (rel %.3f%%), mean %.4f%n",
                var, exact, 100 * (var / exact - 1), mean);
        assertEquals(exact, var, 0.05 * exact);
        assertEquals(0.0, mean, 0.04); // σ_mean ≈ √(var·(1+φ)/((1−φ)N)) ≈ 0.007
        // the half-width check: a noise scale of √(T dt) would give half the variance
        assertTrue(Math.abs(var - exact / 2) > 0.2 * exact);
    }

    /**
     * E(s) = ½s² − h·ρ(s) with the hard sigmoid and h = 2 has its minimum at the kink s = 1
     * (E' = s − 2 < 0 below 1, E' = s > 0 above). HardSigmoid's javadoc says states outside [0, 1]
     * "relax back, so the fixed points are the same", but ρ'(1) = 0 and ρ' = 1 just below, so the
     * unclipped Euler step never settles: it ends in the 2-cycle {0.947, 1.053} for dt = 0.1.
     */
    @Test
    void hardSigmoidSaturatedUnitSettlesAtOne() {
        OverdampedUnit u = new OverdampedUnit(new HardSigmoid(), SelfEnergy.QUADRATIC, 0.1, 0.0);
        double s = 0.5;
        for (int k = 0; k < 10_000; k++) s = u.step(s, 2.0, 0.0, 0.0, 0.0);
        assertEquals(1.0, s, 1e-3);
        assertEquals(s, u.step(s, 2.0, 0.0, 0.0, 0.0), 1e-9);
    }

    /**
     * From the all-zero start every unit uses, a hard-sigmoid unit with a positive field must move up:
     * E(s) = ½s² − h s on (0, 1) decreases from s = 0. With ρ'(0) = 0 it stays at 0 forever.
     */
    @Test
    void hardSigmoidUnitLeavesZeroUnderPositiveField() {
        OverdampedUnit u = new OverdampedUnit(new HardSigmoid(), SelfEnergy.QUADRATIC, 0.1, 0.0);
        assertEquals(0.1, u.step(1e-12, 1.0, 0.0, 0.0, 0.0), 1e-9); // just right of the kink: fine
        assertEquals(0.1, u.step(0.0, 1.0, 0.0, 0.0, 0.0), 1e-9);   // at the kink: stuck
    }

    /**
     * The linear case in closed form, through every entry point a host uses: with the hard sigmoid
     * inside (0, 1) (ρ' = 1), U = ½s² and a constant field h, ∂F/∂s = (1 + β)s − (h + βy), so the
     * Euler iterates are exactly s_t = s* + (1 − dt(1 + β))^t (s₀ − s*), s* = (h + βy)/(1 + β)
     * (Scellier &amp; Bengio 2017, eq. 7), and the residual |ds/dt| is (1 + β)|s_t − s*|.
     * Measured: largest deviation 3.3e-16 over 60 steps (bound 1e-15).
     */
    @Test
    void linearUnitFollowsTheExactDiscreteSolution() {
        double dt = 0.07, h = 0.55, bias = 0.25, s0 = 0.1;
        OverdampedUnit u = new OverdampedUnit(new HardSigmoid(), SelfEnergy.QUADRATIC, dt, 0.0);
        for (double[] c : new double[][]{{0.0, 0.0}, {0.5, 0.2}, {1.5, 0.95}}) { // β, y
            double beta = c[0], y = c[1];
            double fixed = (h + bias + beta * y) / (1 + beta);
            double q = 1 - dt * (1 + beta);
            double scalar = s0;
            double free = s0;  // freeStep: β = 0 only
            double[] one = {s0};
            double[] withRho = {s0};
            double[] bulk = {s0}; // freeSteps: β = 0 only
            double[] field = {h};
            double[] rho = new double[1];
            double worst = 0;
            for (int t = 1; t <= 60; t++) {
                u.rho(withRho, 0, rho);
                assertEquals((1 + beta) * Math.abs(withRho[0] - fixed), u.residual(withRho, 0, field, bias, beta, 0.0, y, rho), 1e-15);
                u.step(withRho, 0, field, bias, beta, 0.0, y, 0.0, rho);
                u.step(one, 0, field, bias, beta, 0.0, y, 0.0);
                scalar = u.step(scalar, h + bias, beta, y, 0.0);
                double[] got = {scalar, one[0], withRho[0]};
                if (beta == 0) {
                    free = u.freeStep(free, u.activation().rho(free), h + bias, 0.0);
                    u.rhoAll(bulk, rho);
                    u.freeSteps(bulk, 0, 1, field, bias, rho);
                    got = new double[]{scalar, one[0], withRho[0], free, bulk[0]};
                }
                double exact = fixed + Math.pow(q, t) * (s0 - fixed);
                for (double v : got) {
                    worst = Math.max(worst, Math.abs(v - exact));
                    assertEquals(exact, v, 1e-15, "β = " + beta + ", step " + t);
                }
            }
            System.out.printf("[OverdampedUnitTest] linear unit, β = %.1f: largest deviation from the closed form %.1e%n", beta, worst);
        }
    }

    /**
     * The nonlinear case by hand: a double-well unit U = a(s² − 1)² with ρ = tanh (LangevinNetwork's
     * unit), s ← s − dt[4a·s(s² − 1) − (1 − tanh² s)h + β(s − y)] + √(2T dt)·ξ, written out here
     * and iterated beside the unit's array step (with and without the host's ρ) for 25 steps with
     * fixed draws. Measured: deviation 0 (the same operations in the same order); the bound 1e-15
     * leaves room for a harmless reordering, far below what a wrong term or step size moves (≥ 1e-4).
     */
    @Test
    void doubleWellTanhUnitStepsAsWrittenByHand() {
        double a = 0.8, dt = 0.03, temp = 0.2, h = -0.6, bias = 0.1, beta = 0.4, y = -1.0;
        OverdampedUnit u = new OverdampedUnit(new Tanh(), SelfEnergy.doubleWell(a), dt, temp);
        SplittableRandom r = new SplittableRandom(5);
        double byHand = 0.3;
        double[] s = {byHand, byHand};
        double[] field = {h, h};
        double[] rho = new double[2];
        double worst = 0;
        for (int t = 0; t < 25; t++) {
            double xi = r.nextGaussian();
            double nudge = t < 10 ? 0.0 : beta; // free, then nudged
            double th = Math.tanh(byHand);
            byHand = byHand - dt * (4 * a * byHand * (byHand * byHand - 1) - (1 - th * th) * (h + bias) + nudge * (byHand - y))
                    + Math.sqrt(2 * temp * dt) * xi;
            u.step(s, 0, field, bias, nudge, 0.0, y, xi);
            u.rho(s, 1, rho);
            u.step(s, 1, field, bias, nudge, 0.0, y, xi, rho);
            assertEquals(byHand, s[0], 1e-15, "step " + t);
            assertEquals(byHand, s[1], 1e-15, "step " + t + " (host's ρ)");
            worst = Math.max(worst, Math.max(Math.abs(s[0] - byHand), Math.abs(s[1] - byHand)));
        }
        System.out.printf("[OverdampedUnitTest] double-well tanh unit: largest deviation from the hand-written step %.1e%n", worst);
    }

    private static double gaussian(SplittableRandom r) { // Box–Muller, independent of java.util.Random
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
