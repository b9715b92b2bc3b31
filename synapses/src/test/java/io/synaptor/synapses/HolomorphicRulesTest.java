package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holomorphic rules' sampling times, Cauchy sums and allocation, by hand. */
class HolomorphicRulesTest {

    /** A hand-built complex schedule: one training episode at `start`, free T1, then N phases (or P periods) of T2. */
    private static NudgeSchedule schedule(NudgeShape shape, long start, int free, int t2, double beta) {
        long free0 = shape.freePhase() ? free : 0;
        return new NudgeSchedule() {
            public long episodes() { return 1; }
            public long episodeOfState(long t) { return 0; }
            public long episodeOfStep(long t) { return 0; }
            public boolean isTraining(long e) { return true; }
            public long start(long e) { return start; }
            public long nextTrainingEpisode(long e) { return e < 1 ? 0 : 1; }
            public long freeSampleTime(long e) { return start + free0; }
            public NudgeShape shape() { return shape; }
            public int nudgeSteps() { return t2; }
            public long pointSampleTime(long e, int k) { return start + free0 + (long) (k + 1) * t2; }
            public double beta(long e) { return beta; }
            public double betaAtStep(long t) { return 0.0; }
            public long endTime() { return start + free0 + (long) shape.points() * t2; }
        };
    }

    /** ρ_iρ_j = f(β) with f(β) = a + cβ + dβ² + eβ³ on each point: N = 4 recovers c exactly (aliasing starts at β⁵). */
    @Test
    void theCircleSumIsTheFirstTaylorCoefficient() {
        double beta = 0.3;
        int n = 4;
        NudgeSchedule s = schedule(NudgeShape.circle(n), 10, 5, 3, beta);
        HolomorphicEP rule = new HolomorphicEP(s, 0.1);
        double a = 0.4, c = -0.7, d = 0.25, e = 0.9;
        assertEquals(18, rule.nextSampleTime(0));
        assertEquals(21, rule.nextSampleTime(19));
        assertEquals(27, rule.nextUpdateTime(0));
        double dw = 0;
        for (int k = 0; k < n; k++) {
            long t = rule.nextSampleTime(k == 0 ? 0 : 18 + 3L * (k - 1) + 1);
            assertEquals(18 + 3L * k, t);
            double th = 2 * Math.PI * k / n;
            double br = beta * Math.cos(th), bi = beta * Math.sin(th);
            double b2r = br * br - bi * bi, b2i = 2 * br * bi;
            double b3r = b2r * br - b2i * bi, b3i = b2r * bi + b2i * br;
            double fr = a + c * br + d * b2r + e * b3r;
            double fi = c * bi + d * b2i + e * b3i;
            // ρ_i = f(β_k), ρ_j = 1: the rule sees the product f
            dw = rule.observe(t, new double[]{fr, fi}, new double[]{1.0, 0.0});
            if (k < n - 1) assertEquals(0.0, dw, 0.0);
        }
        assertEquals(-c, rule.lastGradient(), 1e-14, "dL/dW = −∂(ρρ)/∂β");
        assertEquals(0.1 * c, dw, 1e-14);
    }

    /** Online: a sampled f(β(t)) over whole periods demodulates to the same coefficient, once per period after the warm-up. */
    @Test
    void theOnlineRuleDemodulatesEachPeriod() {
        double beta = 0.2;
        int period = 8;
        NudgeSchedule s = schedule(NudgeShape.oscillating(3, 1), 100, 0, period, beta);
        OnlineHolomorphicEP rule = new OnlineHolomorphicEP(s, 1.0);
        double a = 0.3, c = 0.8, d = -0.5;
        assertEquals(109, rule.nextSampleTime(0), "the warm-up period is not sampled");
        assertEquals(116, rule.nextUpdateTime(0));
        assertEquals(124, rule.nextUpdateTime(117));
        int updates = 0;
        for (long t = rule.nextSampleTime(0); t != Long.MAX_VALUE; t = rule.nextSampleTime(t + 1)) {
            double th = 2 * Math.PI * (t - 100) / period;
            double br = beta * Math.cos(th), bi = beta * Math.sin(th);
            double fr = a + c * br + d * (br * br - bi * bi);
            double fi = c * bi + d * 2 * br * bi;
            double dw = rule.observe(t, new double[]{fr, fi, fr, fi}, new double[]{1.0, 0.0, 1.0, 0.0});
            if (dw != 0.0) {
                updates++;
                assertEquals(0, (t - 100) % period, "updates close a period");
                assertEquals(c, dw, 1e-14);
            }
        }
        assertEquals(2, updates);
    }

    /** The online rule's per-step work (finding its next sample, demodulating) allocates nothing. */
    @Test
    void demodulationAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] ri = new double[32];
        double[] rj = new double[32];
        for (int k = 0; k < ri.length; k++) {
            ri[k] = 0.01 * k;
            rj[k] = 0.5 - 0.01 * k;
        }
        NudgeSchedule s = schedule(NudgeShape.oscillating(3, 1), 0, 0, 500_000, 0.2);
        OnlineHolomorphicEP rule = new OnlineHolomorphicEP(s, 0.1);
        long t = rule.nextSampleTime(0);
        for (int n = 0; n < 200_000; n++, t = rule.nextSampleTime(t + 1)) rule.observe(t, ri, rj); // warm-up
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int n = 0; n < 500_000; n++, t = rule.nextSampleTime(t + 1)) rule.observe(t, ri, rj);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        System.out.printf("[HolomorphicRulesTest] 500,000 online samples (next time + demodulation) allocated %d bytes%n", allocated);
        // 0 in steady state; a JIT recompilation during the loop can run a few calls in code that has not
        // scalar-replaced its temporaries yet (80 bytes once, in a CI run under load). One object per sample
        // would be ≥ 16 bytes × 500,000 = 8 MB, and one rare escaping allocation every 50,000 samples 320 bytes.
        assertTrue(allocated <= 256, "bytes allocated in the measured 500,000 samples: " + allocated + " (0 in steady state)");
        assertTrue(Double.isFinite(rule.lastGradient()), "periods were closed");
    }
}
