package io.synaptor.neurons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Complex activations and the complex unit, against the real ones, calculus, and an allocation meter. */
class HolomorphicUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void complexActivationsExtendTheRealOnes(String name) {
        Activation a = Activation.named(name);
        double[] out = new double[2];
        for (double s = -3; s <= 3; s += 0.37) {
            a.rho(s, 0.0, out, 0);
            assertEquals(a.rho(s), out[0], 1e-15);
            assertEquals(0.0, out[1], 0.0);
            a.rhoPrime(s, 0.0, out, 0);
            assertEquals(a.rhoPrime(s), out[0], 1e-14);
            a.rhoSecond(s, 0.0, out, 0);
            assertEquals(a.rhoSecond(s), out[0], 1e-13);
        }
    }

    /** Holomorphy: the derivative is the same along the real and the imaginary direction, and equals ρ'. */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void complexActivationsAreHolomorphic(String name) {
        Activation a = Activation.named(name);
        double h = 1e-6;
        double[] p = new double[2];
        double[] m = new double[2];
        double[] d = new double[2];
        for (double[] z : new double[][]{{0.3, 0.2}, {-0.7, 0.4}, {1.2, -0.3}, {0.5, 0.1}}) {
            a.rho(z[0] + h, z[1], p, 0);
            a.rho(z[0] - h, z[1], m, 0);
            double reX = (p[0] - m[0]) / (2 * h);
            double imX = (p[1] - m[1]) / (2 * h);
            a.rho(z[0], z[1] + h, p, 0);
            a.rho(z[0], z[1] - h, m, 0);
            double reY = (p[1] - m[1]) / (2 * h);  // ∂f/∂(iy) = −i ∂f/∂y
            double imY = -(p[0] - m[0]) / (2 * h);
            assertEquals(reX, reY, 1e-8, "Cauchy–Riemann at " + z[0] + "+" + z[1] + "i");
            assertEquals(imX, imY, 1e-8);
            a.rhoPrime(z[0], z[1], d, 0);
            assertEquals(reX, d[0], 1e-8);
            assertEquals(imX, d[1], 1e-8);
            a.rhoPrime(z[0] + h, z[1], p, 0);
            a.rhoPrime(z[0] - h, z[1], m, 0);
            a.rhoSecond(z[0], z[1], d, 0);
            assertEquals((p[0] - m[0]) / (2 * h), d[0], 1e-7);
            assertEquals((p[1] - m[1]) / (2 * h), d[1], 1e-7);
        }
    }

    /** With real states and a real β the complex unit takes the real unit's step. */
    @Test
    void onTheRealAxisItIsTheRealUnit() {
        Activation a = Activation.named("sigmoid");
        OverdampedUnit real = new OverdampedUnit(a, SelfEnergy.QUADRATIC, 0.3, 0.0);
        HolomorphicUnit complex = new HolomorphicUnit(a, 0.3, 0.0);
        double[] s = {0.4, 0.0, -0.2, 0.0};
        double[] h = {0.7, 0.0, -1.1, 0.0};
        complex.step(s, 0, h, 0.1, 0.5, 0.0, 1.0, 0.0);
        complex.step(s, 1, h, 0.1, 0.0, 0.0, 0.0, 0.0);
        assertEquals(real.step(0.4, 0.8, 0.5, 1.0, 0.0), s[0], 1e-15);
        assertEquals(real.step(-0.2, -1.0, 0.0, 0.0, 0.0), s[2], 1e-15);
        assertEquals(0.0, s[1], 0.0);
        assertEquals(0.0, s[3], 0.0);
    }

    /** One hand-computed complex step: s' = s − dt[s − ρ'(s) h + β(s − y)], every product complex. */
    @Test
    void aComplexStepByHand() {
        Activation a = Activation.named("tanh");
        HolomorphicUnit u = new HolomorphicUnit(a, 0.5, 0.0);
        double[] s = {0.3, 0.1};
        double[] h = {0.2, -0.4};
        u.step(s, 0, h, 0.1, 0.2, 0.3, 1.0, 0.0);
        // ρ'(0.3 + 0.1i) = 1 − tanh² by complex arithmetic, then the force by hand
        double[] t = new double[2];
        a.rho(0.3, 0.1, t, 0);
        double dr = 1 - (t[0] * t[0] - t[1] * t[1]);
        double di = -2 * t[0] * t[1];
        double hr = 0.3;   // field + bias
        double hi = -0.4;
        double fr = 0.3 - (dr * hr - di * hi) + (0.2 * (0.3 - 1.0) - 0.3 * 0.1);
        double fi = 0.1 - (dr * hi + di * hr) + (0.2 * 0.1 + 0.3 * (0.3 - 1.0));
        assertEquals(0.3 - 0.5 * fr, s[0], 1e-15);
        assertEquals(0.1 - 0.5 * fi, s[1], 1e-15);
    }

    /**
     * The linear case in closed form, complex: with no field, ds/dt = −[s + β(s − y)] with complex β,
     * so the Euler iterates are exactly s_t = s* + q^t (s₀ − s*), q = 1 − dt(1 + β), s* = βy/(1 + β)
     * (Laborieux &amp; Zenke 2022, eq. 2), every product complex; the residual is |1 + β||s_t − s*|.
     * Measured: largest deviation 5.6e-17 over 40 steps (bound 1e-15).
     */
    @Test
    void linearComplexUnitFollowsTheClosedForm() {
        double dt = 0.1, y = 0.8;
        HolomorphicUnit u = new HolomorphicUnit(Activation.named("tanh"), dt, 0.0);
        C beta = new C(0.3, -0.4);
        C onePlusBeta = new C(1 + beta.re, beta.im);
        C fixed = beta.times(new C(y, 0)).over(onePlusBeta);
        C q = new C(1 - dt * onePlusBeta.re, -dt * onePlusBeta.im);
        C s0 = new C(0.2, 0.5);
        double[] s = {s0.re, s0.im};
        double[] h = new double[2];
        double worst = 0;
        C qt = new C(1, 0);
        for (int t = 1; t <= 40; t++) {
            C gap = new C(s[0] - fixed.re, s[1] - fixed.im);
            assertEquals(onePlusBeta.abs() * gap.abs(), u.residual(s, 0, h, 0.0, beta.re, beta.im, y, null), 1e-15);
            u.step(s, 0, h, 0.0, beta.re, beta.im, y, 0.0);
            qt = qt.times(q);
            C exact = fixed.plus(qt.times(s0.minus(fixed)));
            worst = Math.max(worst, Math.max(Math.abs(s[0] - exact.re), Math.abs(s[1] - exact.im)));
            assertEquals(exact.re, s[0], 1e-15, "step " + t);
            assertEquals(exact.im, s[1], 1e-15, "step " + t);
        }
        System.out.printf("[HolomorphicUnitTest] linear complex unit: largest deviation from the closed form %.1e%n", worst);
    }

    /**
     * The field term by hand, with a complex sigmoid written out here: ρ(z) = 1/(1 + e^{−(4z − 2)}),
     * ρ' = 4ρ(1 − ρ), s ← s − dt[s − ρ'(s)(h + b) + β(s − y)] + √(2T dt)·ξ with the real noise on the
     * real part only, for 30 steps with fixed draws, beside two examples of the unit's minibatch
     * vector (its ρ read through {@code rho}). Measured: largest deviation 5.6e-17 (bound 1e-15).
     */
    @Test
    void complexSigmoidUnitStepsAsWrittenByHand() {
        double dt = 0.05, temp = 0.1, bias = 0.1, y = 1.0;
        HolomorphicUnit u = new HolomorphicUnit(Activation.named("sigmoid"), dt, temp);
        C beta = new C(0.2, 0.15);
        C field = new C(0.7, -0.2);
        SplittableRandom r = new SplittableRandom(3);
        C z = new C(0.4, -0.1);
        double[] s = {9.0, 9.0, z.re, z.im, 9.0, 9.0}; // example 1 of 3: the others must not move
        double[] h = {0.0, 0.0, field.re, field.im, 0.0, 0.0};
        double[] rho = new double[6];
        double worst = 0;
        for (int t = 0; t < 30; t++) {
            double xi = r.nextGaussian();
            C e = new C(-(4 * z.re - 2), -4 * z.im).exp();                       // e^{−(4z − 2)}
            C sigma = new C(1, 0).over(new C(1 + e.re, e.im));
            C rhoPrime = new C(4, 0).times(sigma).times(new C(1 - sigma.re, -sigma.im));
            C drift = z.minus(rhoPrime.times(field.plus(new C(bias, 0)))).plus(beta.times(z.minus(new C(y, 0))));
            z = new C(z.re - dt * drift.re + Math.sqrt(2 * temp * dt) * xi, z.im - dt * drift.im);
            u.rho(s, 1, rho);
            u.step(s, 1, h, bias, beta.re, beta.im, y, xi, rho);
            assertEquals(z.re, s[2], 1e-15, "step " + t);
            assertEquals(z.im, s[3], 1e-15, "step " + t);
            worst = Math.max(worst, Math.max(Math.abs(s[2] - z.re), Math.abs(s[3] - z.im)));
        }
        System.out.printf("[HolomorphicUnitTest] complex sigmoid unit: largest deviation from the hand-written step %.1e%n", worst);
        assertEquals(9.0, s[0], 0.0);
        assertEquals(9.0, s[5], 0.0);
    }

    /** Complex numbers for the tests' own arithmetic (nothing shared with the unit). */
    private record C(double re, double im) {
        C plus(C o) {
            return new C(re + o.re, im + o.im);
        }

        C minus(C o) {
            return new C(re - o.re, im - o.im);
        }

        C times(C o) {
            return new C(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        C over(C o) {
            double d = o.re * o.re + o.im * o.im;
            return new C((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        C exp() {
            double m = Math.exp(re);
            return new C(m * Math.cos(im), m * Math.sin(im));
        }

        double abs() {
            return Math.hypot(re, im);
        }
    }

    @Test
    void theHardSigmoidIsNotHolomorphic() {
        assertThrows(IllegalArgumentException.class, () -> new HolomorphicUnit(Activation.named("hard-sigmoid"), 0.5, 0.0));
    }

    /**
     * The complex hot path — a unit's step and ρ over a minibatch — allocates nothing: measured
     * with the JVM's per-thread allocation counter over a million example-steps after warm-up.
     */
    @Test
    void theComplexHotPathAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        HolomorphicUnit u = new HolomorphicUnit(Activation.named("sigmoid"), 0.5, 0.01);
        int batch = 16;
        double[] s = new double[2 * batch];
        double[] h = new double[2 * batch];
        double[] rho = new double[2 * batch];
        for (int k = 0; k < h.length; k++) h[k] = 0.1 * (k % 5) - 0.2;
        Runnable steps = () -> {
            for (int n = 0; n < 1_000_000 / batch; n++) {
                for (int b = 0; b < batch; b++) u.step(s, b, h, 0.1, 0.2, 0.1, 1.0, 0.5);
                for (int b = 0; b < batch; b++) u.rho(s, b, rho);
            }
        };
        steps.run(); // warm-up
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        steps.run();
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        System.out.printf("[HolomorphicUnitTest] 1,000,000 complex example-steps allocated %d bytes%n", allocated);
        // 0 in steady state; a JIT recompilation during the loop can run a few calls in code that has not
        // scalar-replaced its temporaries yet (80 bytes once in HolomorphicRulesTest, under load). One object per
        // step would be ≥ 16 bytes × 10^6 = 16 MB.
        assertTrue(allocated <= 256, "bytes allocated in the measured million steps: " + allocated + " (0 in steady state)");
        assertTrue(Double.isFinite(s[0]) && s[0] != 0.0);
    }
}
