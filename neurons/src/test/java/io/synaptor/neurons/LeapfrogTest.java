package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second-order units' integrator against the closed form of a harmonic oscillator, and its time reversal. */
class LeapfrogTest {
    private static double[] step(Leapfrog f, double y, double z, double omega) {
        double h = f.half(y, z);
        z = f.kick(z, omega * omega * h);
        return new double[]{f.drift(h, z), z};
    }

    /**
     * Drift-kick-drift on V = ½ω²y² is a linear map with cos θ = 1 − (ωdt)²/2 (ωdt &lt; 2), so from (1, 0)
     * y_n = cos(nθ) exactly: the discrete trajectory, not just an approximation of the continuous one.
     */
    @Test
    void harmonicOscillatorFollowsTheDiscreteClosedForm() {
        double omega = 1.3, dt = 0.1;
        Leapfrog f = new Leapfrog(dt, 0.0);
        double theta = Math.acos(1 - omega * omega * dt * dt / 2);
        double y = 1, z = 0;
        for (int n = 1; n <= 1000; n++) {
            double[] s = step(f, y, z, omega);
            y = s[0];
            z = s[1];
            assertEquals(Math.cos(n * theta), y, 1e-11, "step " + n);
        }
    }

    @Test
    void flippingTheMomentumRetracesTheSteps() {
        Leapfrog f = new Leapfrog(0.05, 0.0);
        double y = 0.3, z = -0.7;
        for (int n = 0; n < 500; n++) {
            double h = f.half(y, z);
            z = f.kick(z, Math.tanh(h) + h * h * h); // an anharmonic force
            y = f.drift(h, z);
        }
        z = -z;
        for (int n = 0; n < 500; n++) {
            double h = f.half(y, z);
            z = f.kick(z, Math.tanh(h) + h * h * h);
            y = f.drift(h, z);
        }
        assertEquals(0.3, y, 1e-12);
        assertEquals(0.7, z, 1e-12);
    }

    @Test
    void dampingLosesEnergyAndBadStepsAreRefused() {
        Leapfrog f = new Leapfrog(0.1, 0.2);
        double y = 1, z = 0;
        for (int n = 0; n < 200; n++) {
            double[] s = step(f, y, z, 1.0);
            y = s[0];
            z = s[1];
        }
        assertTrue(0.5 * (y * y + z * z) < 0.5 * Math.exp(-0.2 * 20) * 1.2, "energy after t = 20: " + 0.5 * (y * y + z * z));
        assertThrows(IllegalArgumentException.class, () -> new Leapfrog(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Leapfrog(0.1, -1));
    }
}
