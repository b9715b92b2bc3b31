package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Euler–Maruyama step of a Langevin oscillator, x ← x − dt·U'(x) + √(2T·dt)·ξ (seed 001,
 * REFERENCES.md), against its closed form in a harmonic trap and against the quartic potential
 * written out here — path by path with fixed draws, so the signs of both the drift and the noise
 * show (a distribution alone cannot see the sign of a symmetric kick). BoltzmannTest checks the
 * stationary density.
 */
class LangevinOscillatorTest {

    /**
     * U = k/2·x², so x_n = φⁿx₀ + σ Σ_k φ^{n−1−k} ξ_k with φ = 1 − k·dt, σ = √(2T·dt): the discrete
     * Ornstein–Uhlenbeck solution; with T = 0 it is the deterministic drift φⁿx₀.
     * Measured: largest deviation 2.0e-15 (T = 0.4), 6.7e-16 (noise off) over 200 steps (bound 1e-14).
     */
    @Test
    void harmonicTrapFollowsTheDiscreteOrnsteinUhlenbeckSolution() {
        double k = 1.7, dt = 0.01, x0 = 1.3;
        for (double temperature : new double[]{0.0, 0.4}) {
            LangevinOscillator osc = new LangevinOscillator(temperature, dt);
            QuarticPotential trap = QuarticPotential.harmonic(k);
            SplittableRandom draws = new SplittableRandom(21);
            double phi = 1 - k * dt;
            double sigma = Math.sqrt(2 * temperature * dt);
            assertEquals(sigma, osc.noiseScale(), 1e-17);
            double x = x0;
            double noise = 0; // σ Σ_k φ^{n−1−k} ξ_k, accumulated as the sum is defined
            double worst = 0;
            for (int n = 1; n <= 200; n++) {
                double xi = draws.nextGaussian();
                x = osc.step(x, trap, xi);
                noise = phi * noise + sigma * xi;
                double exact = Math.pow(phi, n) * x0 + noise;
                worst = Math.max(worst, Math.abs(x - exact));
                assertEquals(exact, x, 1e-14, "T = " + temperature + ", step " + n);
            }
            System.out.printf("[LangevinOscillatorTest] T = %.1f: largest deviation from the discrete OU solution %.1e%n",
                    temperature, worst);
        }
    }

    /**
     * The double well and a tilted quartic, x ← x − dt(a·x + b + c·x³) + √(2T·dt)·ξ written out
     * (docs/scenarios.md#gmm-sampler), through both steps: the self-energy one and the total-force one
     * with a coupling force −J·x_j added by the host. Measured: deviation 0 (the same operations in the
     * same order); the bound 1e-15 leaves room for a harmless reordering, far below a wrong sign or step.
     */
    @Test
    void quarticOscillatorStepsAsWrittenByHand() {
        double dt = 0.02, temperature = 0.25, coupling = 0.3, other = -0.7;
        LangevinOscillator osc = new LangevinOscillator(temperature, dt);
        for (double[] p : new double[][]{{-1, 0, 1}, {0.5, -0.3, 0.2}}) {
            QuarticPotential u = new QuarticPotential(p[0], p[1], p[2]);
            SplittableRandom draws = new SplittableRandom(8);
            double alone = 0.2;
            double coupled = 0.2;
            double x = 0.2;
            double y = 0.2;
            double worst = 0;
            for (int n = 0; n < 100; n++) {
                double xi = draws.nextGaussian();
                double kick = Math.sqrt(2 * temperature * dt) * xi;
                alone = alone - dt * (p[0] * alone + p[1] + p[2] * alone * alone * alone) + kick;
                coupled = coupled + dt * (-(p[0] * coupled + p[1] + p[2] * coupled * coupled * coupled) - coupling * other) + kick;
                x = osc.step(x, u, xi);
                y = osc.step(y, -u.force(y) - coupling * other, xi);
                assertEquals(alone, x, 1e-15, u + ", step " + n);
                assertEquals(coupled, y, 1e-15, u + " coupled, step " + n);
                worst = Math.max(worst, Math.max(Math.abs(x - alone), Math.abs(y - coupled)));
            }
            System.out.printf("[LangevinOscillatorTest] %s: largest deviation from the hand-written step %.1e%n", u, worst);
        }
    }

    /** U, U' and U'' of the quartic against values by hand and central differences of U. */
    @Test
    void quarticPotentialIsItsOwnCalculus() {
        QuarticPotential u = new QuarticPotential(-1.2, 0.4, 0.9);
        assertEquals(0.5 * -1.2 * 2.25 + 0.4 * 1.5 + 0.25 * 0.9 * 5.0625, u.energy(1.5), 1e-15);
        assertEquals(-1.2 * 1.5 + 0.4 + 0.9 * 3.375, u.force(1.5), 1e-15);
        double h = 1e-5;
        for (double x = -2; x <= 2; x += 0.3) {
            assertEquals((u.energy(x + h) - u.energy(x - h)) / (2 * h), u.force(x), 1e-9, "U' at " + x);
            assertEquals((u.force(x + h) - u.force(x - h)) / (2 * h), u.curvature(x), 1e-9, "U'' at " + x);
        }
        assertEquals(-0.25, QuarticPotential.doubleWell().energy(1.0), 0.0); // wells at ±1, barrier ¼ above them
        assertEquals(0.0, QuarticPotential.doubleWell().force(-1.0), 0.0);
    }
}
