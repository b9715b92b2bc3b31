package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HarmonicTrapTest {

    /** From rest at 0 with θ = 2: the mean relaxes as 2(1 − (1 − μdt)^n) and the spread stays at 1/β. */
    @Test
    void eulerMaruyamaRelaxesTheMeanAtRateMuAndKeepsTheVariance() {
        HarmonicTrap trap = new HarmonicTrap(1.5, 4);
        int n = 20_000;
        SplittableRandom[] noise = new SplittableRandom[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = new SplittableRandom(i);
            x[i] = trap.equilibrium(0, noise[i]);
        }
        double dt = 0.01;
        int steps = 100;
        for (int k = 0; k < steps; k++) trap.step(x, 0, n, 2, dt, noise);
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double var = 0;
        for (double v : x) var += (v - mean) * (v - mean);
        var /= n - 1;
        double sd = Math.sqrt(trap.variance() / n);
        assertEquals(2 * (1 - Math.pow(1 - 1.5 * dt, steps)), mean, 4 * sd);
        // the Euler chain's stationary variance is 1/(β(1 − μdt/2)); at μdt = 0.015 that is within 1%
        assertEquals(trap.variance(), var, 0.03 * trap.variance());
    }

    @Test
    void workOfAJumpIsTheEnergyChangeAtFixedParticles() {
        double[] x = {-1.2, 0.4, 0.9};
        double w = HarmonicTrap.work(x, 0, 3, -1, 0.5);
        double mean = (-1.2 + 0.4 + 0.9) / 3;
        assertEquals(3 * 0.5 * (0.5 - -1) * (0.5 + -1 - 2 * mean), w, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new HarmonicTrap(0, 1));
    }
}
