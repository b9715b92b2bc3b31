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

    /**
     * Path by path, with each particle's own draws replayed from a copy of its stream: the
     * Euler–Maruyama chain x ← x − μ(x − θ)dt + √(2μ dt/β)·ξ has the exact solution
     * x_n = θ + φⁿ(x₀ − θ) + σ Σ_k φ^{n−1−k} ξ_k, φ = 1 − μdt, σ = √(2μ dt/β) (REFERENCES.md,
     * "Minimal-dissipation learning"); a step of particles 2 … 5 leaves the others alone.
     * Measured: largest deviation 1.3e-15 over 300 steps (bound 1e-14).
     */
    @Test
    void eachParticleFollowsTheExactDiscreteSolution() {
        HarmonicTrap trap = new HarmonicTrap(2.0, 3.0);
        double dt = 0.01, theta = -0.5;
        double phi = 1 - 2.0 * dt;
        double sigma = Math.sqrt(2 * 2.0 * dt / 3.0);
        double[] x = {7.0, 7.0, 0.3, -1.1, 2.4, 0.0, 7.0};
        double[] x0 = x.clone();
        SplittableRandom[] noise = new SplittableRandom[4];
        SplittableRandom[] replay = new SplittableRandom[4];
        for (int i = 0; i < 4; i++) {
            noise[i] = new SplittableRandom(100 + i);
            replay[i] = new SplittableRandom(100 + i);
        }
        double[] kicks = new double[4];
        double worst = 0;
        for (int n = 1; n <= 300; n++) {
            trap.step(x, 2, 6, theta, dt, noise);
            for (int i = 0; i < 4; i++) {
                kicks[i] = phi * kicks[i] + sigma * replay[i].nextGaussian();
                double exact = theta + Math.pow(phi, n) * (x0[i + 2] - theta) + kicks[i];
                worst = Math.max(worst, Math.abs(x[i + 2] - exact));
                assertEquals(exact, x[i + 2], 1e-14, "particle " + (i + 2) + ", step " + n);
            }
        }
        System.out.printf("[HarmonicTrapTest] largest deviation from the exact discrete solution %.1e%n", worst);
        assertEquals(7.0, x[1], 0.0);
        assertEquals(7.0, x[6], 0.0);
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
