package io.synaptor.network;

import io.synaptor.neurons.HarmonicTrap;
import io.synaptor.synapses.LearningRateProtocol;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrapMomentsTest {

    /** Many particles and small steps: the exact expectation of the scheme tends to the closed forms. */
    @Test
    void expectationTendsToTheClosedForms() {
        LearningRateProtocol.Task task = new LearningRateProtocol.Task(2, 1.5, 4, -1.5);
        for (String name : LearningRateProtocol.NAMES) {
            LearningRateProtocol p = LearningRateProtocol.named(name, task, 0.5, 0.1);
            TrapMoments.Expected e = TrapMoments.of(p, 1, -0.5, 40_000, 1_000_000_000);
            assertEquals(p.totalExcessWork(), e.workFinal(), 2e-4 * p.totalExcessWork(), name);
            assertEquals(p.excessWork(2.0), e.work()[20_000], 2e-4 * p.totalExcessWork() + 1e-9, name + " at t = 2");
        }
    }

    /**
     * The same expectation at a few particles against a plain Monte-Carlo run of the scheme (no
     * actors): N = 5, where the finite-N part of the work is large.
     */
    @Test
    void expectationMatchesAPlainMonteCarloRunAtFewParticles() {
        LearningRateProtocol.Task task = new LearningRateProtocol.Task(1, 1, 5, 1);
        LearningRateProtocol p = new LearningRateProtocol.DiscontinuousOptimal(task);
        HarmonicTrap trap = new HarmonicTrap(1, 1);
        int n = 5;
        int steps = 200;
        int reps = 20_000;
        double dt = 5.0 / steps;
        double sum = 0;
        double sum2 = 0;
        SplittableRandom[] noise = new SplittableRandom[n];
        double[] x = new double[n];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < n; i++) {
                noise[i] = new SplittableRandom(r * 31L + i);
                x[i] = trap.equilibrium(-1, noise[i]);
            }
            double theta = -1;
            double next = p.startJump().apply(theta, mean(x), 0);
            double w = HarmonicTrap.work(x, 0, n, theta, next);
            theta = next;
            for (int k = 1; k <= steps; k++) {
                trap.step(x, 0, n, theta, dt, noise);
                next = p.update(theta, k * dt, 0, mean(x), dt);
                w += HarmonicTrap.work(x, 0, n, theta, next);
                theta = next;
            }
            next = p.endJump().apply(theta, mean(x), 0);
            w += HarmonicTrap.work(x, 0, n, theta, next);
            w /= n;
            sum += w;
            sum2 += w * w;
        }
        double m = sum / reps;
        double se = Math.sqrt((sum2 / reps - m * m) / reps);
        double expected = TrapMoments.of(p, -1, 0, steps, n).workFinal();
        assertTrue(expected - p.totalExcessWork() > 5 * se, "the finite-N part is visible: " + expected + " vs " + p.totalExcessWork());
        assertEquals(expected, m, 4 * se, "Monte Carlo " + m + " ± " + se);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }
}
