package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 acceptance: without driving (T &gt; 0, fixed potential) a Langevin oscillator's stationary
 * histogram matches the Boltzmann density exp(−U/T)/Z. One long Euler–Maruyama run per potential, after
 * a burn-in, thinned to one sample every {@code thin} time units (several correlation times: 1/a for the
 * trap, the Kramers hopping time ≈ 12 for the double well at T = ¼), n = 5000 samples, against the CDF of
 * exp(−U/T)/Z by trapezoidal quadrature. Kolmogorov–Smirnov: √n·D below 1.95 (α = 0.001) — and above
 * it against the Boltzmann density of a wrong temperature (2T), so the test can fail. dt = 0.002 keeps
 * the O(dt) bias of the integrator (a relative variance error of dt·a/2 = 0.1% in the trap) well below
 * the test's resolution 1.95/√n ≈ 0.028.
 */
class BoltzmannTest {
    private static final double CRITICAL = 1.95; // KS, α = 0.001

    @Test
    void harmonicTrap() {
        check(QuarticPotential.harmonic(1.0), 0.5, 5.0, 11);
    }

    @Test
    void doubleWell() {
        check(QuarticPotential.doubleWell(), 0.25, 15.0, 12);
    }

    private static void check(QuarticPotential u, double temperature, double thin, long seed) {
        int n = 5000;
        double[] x = stationarySamples(u, temperature, 0.002, thin, n, seed);
        double right = ks(x, u, temperature) * Math.sqrt(n);
        double wrong = ks(x, u, 2.0 * temperature) * Math.sqrt(n);
        System.out.printf("[BoltzmannTest] %s at T = %g: KS √n·D = %.3f (critical %.2f); against 2T: %.3f%n",
                u, temperature, right, CRITICAL, wrong);
        assertTrue(right < CRITICAL, "the histogram is not Boltzmann's: √n·D = " + right);
        assertTrue(wrong > CRITICAL, "the test cannot tell a wrong temperature: √n·D = " + wrong);
    }

    private static double[] stationarySamples(SelfEnergy u, double temperature, double dt, double thin, int n, long seed) {
        LangevinOscillator osc = new LangevinOscillator(temperature, dt);
        SplittableRandom r = new SplittableRandom(seed);
        int every = (int) Math.round(thin / dt);
        double x = 0;
        for (int k = 0; k < every; k++) x = osc.step(x, u, r.nextGaussian()); // burn-in: one thinning interval
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            for (int k = 0; k < every; k++) x = osc.step(x, u, r.nextGaussian());
            out[m] = x;
        }
        return out;
    }

    /** sup |F_n − F| with F the CDF of exp(−U/T)/Z on [−6, 6] (trapezoid, 120,001 points). */
    private static double ks(double[] samples, SelfEnergy u, double temperature) {
        int grid = 120_001;
        double lo = -6, hi = 6, h = (hi - lo) / (grid - 1);
        double[] cdf = new double[grid];
        double prev = Math.exp(-u.energy(lo) / temperature);
        for (int g = 1; g < grid; g++) {
            double p = Math.exp(-u.energy(lo + g * h) / temperature);
            cdf[g] = cdf[g - 1] + 0.5 * h * (prev + p);
            prev = p;
        }
        double z = cdf[grid - 1];
        double[] x = samples.clone();
        Arrays.sort(x);
        double d = 0;
        for (int m = 0; m < x.length; m++) {
            double pos = (x[m] - lo) / h;
            int g = (int) Math.max(0, Math.min(grid - 2, Math.floor(pos)));
            double f = Math.max(0, Math.min(1, pos - g));
            double cf = ((1 - f) * cdf[g] + f * cdf[g + 1]) / z;
            d = Math.max(d, Math.max(Math.abs((m + 1.0) / x.length - cf), Math.abs((double) m / x.length - cf)));
        }
        return d;
    }
}
