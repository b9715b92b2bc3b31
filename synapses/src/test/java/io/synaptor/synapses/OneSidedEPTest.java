package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneSidedEPTest {
    /** train(3+2, β=.5) | eval(3) | train(2+4, β=−.25) | train(1+1, β=.1) | eval(2) | eval(4) | train(4+3, β=2). */
    private static FakeSchedule schedule() {
        return new FakeSchedule().train(3, 2, 0.5).eval(3).train(2, 4, -0.25).train(1, 1, 0.1).eval(2).eval(4).train(4, 3, 2.0);
    }

    @Test
    void fakeScheduleIsConsistent() { // guards the fake itself: free sample times per episode by hand
        FakeSchedule s = schedule();
        assertEquals(7, s.episodes());
        assertEquals(3, s.freeSampleTime(0));
        assertEquals(5, s.nudgedSampleTime(0));
        assertEquals(10, s.freeSampleTime(2));
        assertEquals(14, s.nudgedSampleTime(2));
        assertEquals(15, s.freeSampleTime(3));
        assertEquals(16, s.nudgedSampleTime(3));
        assertEquals(26, s.freeSampleTime(6));
        assertEquals(29, s.endTime());
        // betaAtStep default: β on nudged steps [start+free, end) of training episodes only
        for (long t = 0; t < s.endTime() + 3; t++) {
            double expected = 0;
            for (FakeSchedule.Episode ep : s.eps) {
                if (ep.training() && ep.start() + ep.free() <= t && t < ep.end()) expected = ep.beta();
            }
            assertEquals(expected, s.betaAtStep(t), 0.0, "t=" + t);
        }
    }

    @Test
    void sampleAndUpdateTimesMatchBruteForce() {
        FakeSchedule s = schedule();
        OneSidedEP rule = new OneSidedEP(s, 0.1);
        for (long t = 0; t <= s.endTime() + 2; t++) {
            long sample = Long.MAX_VALUE, update = Long.MAX_VALUE;
            for (FakeSchedule.Episode ep : s.eps) {
                if (!ep.training()) continue;
                long f = ep.start() + ep.free(), n = ep.end();
                if (f >= t) sample = Math.min(sample, f);
                if (n >= t) sample = Math.min(sample, n);
                if (n >= t) update = Math.min(update, n);
            }
            assertEquals(sample, rule.nextSampleTime(t), "nextSampleTime(" + t + ")");
            assertEquals(update, rule.nextUpdateTime(t), "nextUpdateTime(" + t + ")");
        }
        // spot values by hand
        assertEquals(3, rule.nextSampleTime(0));
        assertEquals(5, rule.nextSampleTime(4));
        assertEquals(10, rule.nextSampleTime(6));  // skips the evaluation episode's free end (8)
        assertEquals(14, rule.nextUpdateTime(6));
        assertEquals(26, rule.nextSampleTime(17)); // skips two evaluation episodes
        assertEquals(Long.MAX_VALUE, rule.nextSampleTime(30));
    }

    @Test
    void observeReturnsMinusRateTimesEstimateAtNudgedSamples() {
        FakeSchedule s = schedule();
        double rate = 0.03;
        OneSidedEP rule = new OneSidedEP(s, rate);
        assertTrue(Double.isNaN(rule.lastGradient()));
        SplittableRandom rnd = new SplittableRandom(7);
        int batch = 3;
        long t = rule.nextSampleTime(0);
        int updates = 0;
        double[] freeI = null, freeJ = null;
        while (t != Long.MAX_VALUE) {
            double[] ri = new double[batch], rj = new double[batch];
            for (int b = 0; b < batch; b++) {
                ri[b] = rnd.nextDouble();
                rj[b] = rnd.nextDouble() * 2 - 1;
            }
            long e = s.episodeOfState(t);
            double dw = rule.observe(t, ri, rj);
            if (t == s.freeSampleTime(e)) {
                assertEquals(0.0, dw, 0.0, "free sample at " + t + " moves nothing");
                freeI = ri;
                freeJ = rj;
            } else {
                assertEquals(s.nudgedSampleTime(e), t);
                double cNudged = 0, cFree = 0;
                for (int b = 0; b < batch; b++) {
                    cNudged += ri[b] * rj[b];
                    cFree += freeI[b] * freeJ[b];
                }
                double estimate = -(cNudged / batch - cFree / batch) / s.beta(e);
                assertEquals(-rate * estimate, dw, 1e-15, "update at " + t);
                assertEquals(estimate, rule.lastGradient(), 1e-15);
                assertTrue(dw != 0.0);
                updates++;
            }
            t = rule.nextSampleTime(t + 1);
        }
        assertEquals(4, updates);
    }

    @Test
    void worksOutTheSignOfBetaByHand() {
        FakeSchedule s = new FakeSchedule().train(2, 2, -0.5);
        OneSidedEP rule = new OneSidedEP(s, 1.0);
        rule.observe(2, new double[]{1.0, 0.0}, new double[]{1.0, 1.0});   // mean ρiρj = 0.5
        double dw = rule.observe(4, new double[]{1.0, 1.0}, new double[]{1.0, 1.0}); // mean = 1.0
        // estimate = −(1.0 − 0.5)/(−0.5) = +1; ΔW = −1·1 = −1
        assertEquals(1.0, rule.lastGradient(), 1e-15);
        assertEquals(-1.0, dw, 1e-15);
    }

    @Test
    void nothingHappensOutsideTrainingOrOffSampleTimes() {
        FakeSchedule s = schedule();
        OneSidedEP rule = new OneSidedEP(s, 1.0);
        double[] a = {0.3, 0.9}, b = {0.7, 0.2};
        // evaluation episode 1 spans state times (5, 8]; its "free end" 8 and every other time in it
        for (long t = 6; t <= 8; t++) assertEquals(0.0, rule.observe(t, a, b), 0.0);
        // episode 4/5 (evaluation) likewise
        for (long t = 17; t <= 22; t++) assertEquals(0.0, rule.observe(t, a, b), 0.0);
        assertTrue(Double.isNaN(rule.lastGradient()));
        // a nudged sample without its free sample (episode 2: free 10, nudged 14) does nothing
        assertEquals(0.0, rule.observe(14, a, b), 0.0);
        assertTrue(Double.isNaN(rule.lastGradient()));
        // off-sample times inside a training episode do nothing either
        assertEquals(0.0, rule.observe(11, a, b), 0.0);
        // a free sample of episode 2 must not pair with the nudged sample of episode 3
        rule.observe(10, a, b);
        assertEquals(0.0, rule.observe(16, b, b), 0.0);
        assertTrue(Double.isNaN(rule.lastGradient()));
    }

    @Test
    void rulesFactory() {
        assertInstanceOf(OneSidedEP.class, Rules.create("one-sided", schedule(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> Rules.create("two-sided-typo", schedule(), 0.1));
    }

    @Test
    void correlationMeanIsTheHandSum() {
        assertEquals((1 * 4 + 2 * 5 + 3 * 6) / 3.0, Correlation.mean(new double[]{1, 2, 3}, new double[]{4, 5, 6}), 1e-15);
        assertEquals(-0.0625, Correlation.mean(new double[]{0.5, -0.5}, new double[]{-0.25, 0.0}), 1e-15); // (−0.125 + 0)/2
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[17], y = new double[17];
        double sum = 0;
        for (int k = 0; k < 17; k++) {
            x[k] = r.nextDouble() - 0.5;
            y[k] = r.nextDouble() - 0.5;
            sum += x[k] * y[k];
        }
        assertEquals(sum / 17, Correlation.mean(x, y), 1e-15);
    }

    @Test
    void aOneByOneBlockIsOneSynapse() {
        CouplingBlock c = new CouplingBlock(1, 1, 3, new double[]{-0.4});
        double[] rho = {0.5, 1.0, -2.0};
        double[] d = c.driveToB(rho);
        assertNotSame(rho, d);
        assertEquals(-0.2, d[0], 1e-15);
        assertEquals(-0.4, d[1], 1e-15);
        assertEquals(0.8, d[2], 1e-15);
        c.add(0, 0.9);
        assertEquals(0.5, c.weight(0), 1e-15);
        double[] d2 = c.driveToA(rho);
        assertNotSame(d, d2);
        assertEquals(0.25, d2[0], 1e-15);
        assertEquals(-1.0, d2[2], 1e-15);
        assertEquals(-0.2, d[0], 1e-15); // the earlier payload is untouched
    }

    /** A 2 × 3 block: end B feels Wᵀρ_A, end A feels Wρ_B, row by row (each row a minibatch of 2). */
    @Test
    void aBlockDrivesBothWays() {
        double[] w = {1, 2, 3, 4, 5, 6}; // W = [[1, 2, 3], [4, 5, 6]]
        CouplingBlock c = new CouplingBlock(2, 3, 2, w);
        double[] rhoA = {1, 10, 2, 20};           // unit 0: (1, 10), unit 1: (2, 20)
        assertArrayEquals(new double[]{9, 90, 12, 120, 15, 150}, c.driveToB(rhoA), 1e-12);
        double[] rhoB = {1, 0, 0, 1, 1, 1};       // units (1,0), (0,1), (1,1)
        assertArrayEquals(new double[]{4, 5, 10, 11}, c.driveToA(rhoB), 1e-12);
        w[0] = 100; // the block copied its weights
        assertEquals(1.0, c.weight(0), 0.0);
    }
}
