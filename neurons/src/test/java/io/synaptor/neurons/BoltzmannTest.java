package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 acceptance: without driving (T &gt; 0, fixed potential) a Langevin oscillator's stationary
 * histogram matches the Boltzmann density exp(−U/T)/Z. One long Euler–Maruyama run per potential, after
 * a burn-in, thinned to one sample every {@code thin} time units — several correlation times, so the
 * samples are independent, as the Kolmogorov–Smirnov bound assumes (the test checks the lag-one
 * correlation): 5/a for the trap; for the double well at T = ¼ three Kramers times, 3·2π/(√2·e^{−ΔU/T}) ≈ 36
 * with ΔU = ¼ (Kramers 1940; the sign of x decorrelates at twice that rate, so e^{−6} is left). The samples
 * against the CDF of exp(−U/T)/Z by trapezoidal quadrature: √n·D below 1.95 (α = 0.001) — and far above it
 * against the Boltzmann density of a wrong temperature (2T), so the test can fail: the double well's
 * CDFs at T and 2T differ by only 0.030 at most (both symmetric), hence its 40,000 samples. The O(dt)
 * bias of the integrator (a relative variance error of dt·U''/2 at a minimum: 0.1% in the trap at
 * dt = 0.002, 1% in the double well at dt = 0.01, a CDF error ≈ 0.001) stays well below the resolution
 * 1.95/√n (0.028 and 0.0098).
 */
class BoltzmannTest {
    private static final double CRITICAL = 1.95; // KS, α = 0.001

    @Test
    void harmonicTrap() {
        // measured: √n·D = 0.813 at T, 6.220 at 2T; lag-one correlation 0.0133
        check(QuarticPotential.harmonic(1.0), 0.5, 0.002, 5.0, 5000, 11);
    }

    @Test
    void doubleWell() {
        // measured: √n·D = 0.951 at T, 6.421 at 2T; lag-one correlation 0.0035
        check(QuarticPotential.doubleWell(), 0.25, 0.01, 36.0, 40_000, 12);
    }

    private static void check(QuarticPotential u, double temperature, double dt, double thin, int n, long seed) {
        double[] x = stationarySamples(u, temperature, dt, thin, n, seed);
        double right = ks(x, u, temperature) * Math.sqrt(n);
        double wrong = ks(x, u, 2.0 * temperature) * Math.sqrt(n);
        double lag1 = lagOneCorrelation(x);
        System.out.printf("[BoltzmannTest] %s at T = %g: KS √n·D = %.3f (critical %.2f); against 2T: %.3f; lag-one correlation %.4f%n",
                u, temperature, right, CRITICAL, wrong, lag1);
        assertTrue(Math.abs(lag1) < 3 / Math.sqrt(n), "the samples are correlated: lag-one correlation " + lag1);
        assertTrue(right < CRITICAL, "the histogram is not Boltzmann's: √n·D = " + right);
        assertTrue(wrong > 2.5 * CRITICAL, "the test cannot tell a wrong temperature: √n·D = " + wrong);
    }

    /** Pearson correlation of consecutive samples (0 for independent ones, within ±3/√n). */
    private static double lagOneCorrelation(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double c0 = 0;
        double c1 = 0;
        for (int m = 0; m < x.length; m++) {
            c0 += (x[m] - mean) * (x[m] - mean);
            if (m > 0) c1 += (x[m] - mean) * (x[m - 1] - mean);
        }
        return c1 / c0;
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
