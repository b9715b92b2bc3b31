package io.synaptor.neurons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

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
        assertEquals(0, allocated, "bytes allocated in the measured million steps (measured 0)");
        assertTrue(Double.isFinite(s[0]) && s[0] != 0.0);
    }
}
