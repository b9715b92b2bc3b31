package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frequency rule, and multiplexed EP's demodulators against the Fourier sums written out by hand. */
class MultiplexedEPTest {

    @Test
    void theFrequencyRuleIsTheCoinProblem() {
        int[] two = {0, 1};
        assertEquals(-1, new FrequencyPlan(new int[]{4, 5}, two, true).breaksRule());
        assertEquals(1, new FrequencyPlan(new int[]{4, 8}, two, true).breaksRule());   // 8 = 2·4
        assertEquals(0, new FrequencyPlan(new int[]{3, 3}, two, true).breaksRule());   // equal frequencies: 3 = 1·3
        assertEquals(2, new FrequencyPlan(new int[]{3, 5, 8}, new int[]{0, 1, 2}, true).breaksRule()); // 8 = 3 + 5
        assertEquals(2, new FrequencyPlan(new int[]{3, 5, 11}, new int[]{0, 1, 2}, true).breaksRule()); // 11 = 2·3 + 5
        assertEquals(-1, new FrequencyPlan(new int[]{3, 5, 7}, new int[]{0, 1, 2}, true).breaksRule());
        for (int k = 1; k <= 12; k++) { // the default harmonics all lie in (K + 1, 2K + 2): every sum of two is above the largest
            int[] tasks = new int[k];
            for (int o = 0; o < k; o++) tasks[o] = o;
            assertEquals(-1, new FrequencyPlan(FrequencyPlan.ruleAbiding(k), tasks, true).breaksRule(), "K = " + k);
        }
    }

    @Test
    void aPlanNamesEveryTasksTargetsAndStaysBelowNyquist() {
        assertThrows(IllegalArgumentException.class, () -> new FrequencyPlan(new int[]{4, 5}, new int[]{0, 0}, true)); // task 1 has no target
        assertThrows(IllegalArgumentException.class, () -> new FrequencyPlan(new int[]{4}, new int[]{0, 1}, true));    // no task 1
        assertThrows(IllegalArgumentException.class, () -> NudgeShape.multiplex(10, new FrequencyPlan(new int[]{4, 5}, new int[]{0, 1}, true)));
        assertThrows(IllegalArgumentException.class, () -> new NudgeShape(NudgeShape.Form.MULTIPLEX, 16, 0));
        assertTrue(NudgeShape.multiplex(16, new FrequencyPlan(new int[]{4, 5}, new int[]{0, 1}, true)).complex());
        assertTrue(!NudgeShape.multiplex(16, new FrequencyPlan(new int[]{4, 5}, new int[]{0, 1}, false)).complex());
    }

    /** One training episode at `start`: free T1, then W phases of T2. */
    private static NudgeSchedule schedule(NudgeShape shape, long start, int free, int t2, double beta) {
        return new NudgeSchedule() {
            public long episodes() { return 1; }
            public long episodeOfState(long t) { return 0; }
            public long episodeOfStep(long t) { return 0; }
            public boolean isTraining(long e) { return true; }
            public long start(long e) { return start; }
            public long nextTrainingEpisode(long e) { return e < 1 ? 0 : 1; }
            public long freeSampleTime(long e) { return start + free; }
            public NudgeShape shape() { return shape; }
            public int nudgeSteps() { return t2; }
            public long pointSampleTime(long e, int k) { return start + free + (long) (k + 1) * t2; }
            public double beta(long e) { return beta; }
            public double betaAtStep(long t) { return 0.0; }
            public long endTime() { return start + free + (long) shape.points() * t2; }
        };
    }

    /**
     * ρ_iρ_j = f(β_0, β_1) = a + c₀β₀ + c₁β₁ + dβ₀β₁ + eβ₀² with β_k = β e^{2πi m_kτ/W}: with m = (4, 5) and W = 20 the
     * task-k demodulator returns c_k exactly (the products sit at 9 and 8 cycles), the reported value follows
     * {@code report}, and the step is −η(ĝ₀ + ĝ₁) whatever is reported. With m = (4, 8), e β₀² lands on task 1.
     */
    @Test
    void eachDemodulatorReturnsItsTasksFirstCoefficient() {
        double beta = 0.2;
        double a = 0.3, c0 = -0.7, c1 = 0.45, d = 0.8, e = -0.6;
        int points = 20;
        for (int report = -1; report < 2; report++) {
            for (int[] m : new int[][]{{4, 5}, {4, 8}}) {
                FrequencyPlan plan = new FrequencyPlan(m, new int[]{0, 1}, true, report, 0, null);
                NudgeSchedule s = schedule(NudgeShape.multiplex(points, plan), 7, 3, 2, beta);
                MultiplexedEP rule = new MultiplexedEP(s, 0.1);
                assertEquals(s.pointSampleTime(0, 0), rule.nextSampleTime(0));
                assertEquals(s.pointSampleTime(0, points - 1), rule.nextUpdateTime(0));
                double step = 0;
                for (int p = 0; p < points; p++) {
                    double t0 = 2 * Math.PI * m[0] * p / points;
                    double t1 = 2 * Math.PI * m[1] * p / points;
                    double b0r = beta * Math.cos(t0), b0i = beta * Math.sin(t0), b1r = beta * Math.cos(t1), b1i = beta * Math.sin(t1);
                    double re = a + c0 * b0r + c1 * b1r + d * (b0r * b1r - b0i * b1i) + e * (b0r * b0r - b0i * b0i);
                    double im = c0 * b0i + c1 * b1i + d * (b0r * b1i + b0i * b1r) + e * 2 * b0r * b0i;
                    step = rule.observeCorrelation(s.pointSampleTime(0, p), re, im);
                }
                double g1 = m[1] == 8 ? -(c1 + e * beta) : -c1; // the rule-breaking set: e β₀² oscillates at 8 = m₁
                double want = report == 0 ? -c0 : report == 1 ? g1 : -c0 + g1;
                assertEquals(want, rule.lastGradient(), 1e-14, "m = " + m[1] + ", report " + report);
                assertEquals(-0.1 * (-c0 + g1), step, 1e-14);
            }
        }
    }

    /**
     * The Hann window (FrequencyPlan.hann): with the spaced harmonics (5, 7 for two tasks, W = 32) each demodulator
     * still returns its task's first coefficient exactly — the products at 10 and 12 cycles sit on no m_k ± 1 — and a
     * drift that does not repeat with the window (a ramp, the relaxation still leaving the free state) leaks into the
     * estimates 1/m² less than through a flat window. Harmonics one apart are refused.
     */
    @Test
    void aHannWindowKeepsTheCoefficientsAndStopsTheDrift() {
        double beta = 0.2;
        double a = 0.3, c0 = -0.7, c1 = 0.45, d = 0.8, e = -0.6;
        int points = 32;
        int[] m = FrequencyPlan.spaced(2);
        assertArrayEquals(new int[]{5, 7}, m);
        double[][] error = new double[2][2]; // [flat, hann][no drift, drift]
        for (int w = 0; w < 2; w++) {
            for (int drifting = 0; drifting < 2; drifting++) {
                FrequencyPlan plan = new FrequencyPlan(m, new int[]{0, 1}, true).windowed(w == 1).reporting(0);
                NudgeSchedule s = schedule(NudgeShape.multiplex(points, plan), 7, 3, 2, beta);
                MultiplexedEP rule = new MultiplexedEP(s, 0.1);
                for (int p = 0; p < points; p++) {
                    double t0 = 2 * Math.PI * m[0] * p / points;
                    double t1 = 2 * Math.PI * m[1] * p / points;
                    double b0r = beta * Math.cos(t0), b0i = beta * Math.sin(t0), b1r = beta * Math.cos(t1), b1i = beta * Math.sin(t1);
                    double re = a + c0 * b0r + c1 * b1r + d * (b0r * b1r - b0i * b1i) + e * (b0r * b0r - b0i * b0i) + drifting * 0.05 * p / points;
                    double im = c0 * b0i + c1 * b1i + d * (b0r * b1i + b0i * b1r) + e * 2 * b0r * b0i;
                    rule.observeCorrelation(s.pointSampleTime(0, p), re, im);
                }
                error[w][drifting] = Math.abs(rule.lastGradient() - (-c0));
            }
        }
        assertEquals(0.0, error[0][0], 1e-14);
        assertEquals(0.0, error[1][0], 1e-14);
        assertTrue(error[0][1] > 1e-3, "a flat window passes the drift: " + error[0][1]);
        assertTrue(error[1][1] < error[0][1] / 20, "the Hann window stops it: " + error[1][1] + " against " + error[0][1]);
        assertThrows(IllegalArgumentException.class, () -> new FrequencyPlan(new int[]{4, 5}, new int[]{0, 1}, true).windowed(true));
    }

    /**
     * The running-average rule against its definition written out: starting at the free sample, each phase's sample
     * minus the exponential average of those before it (window 8), summed and scaled by −2/(Wβ); and the sum
     * telescopes to 8·(last average − free value), which is why it keeps no gradient but what the window's end holds.
     */
    @Test
    void theRunningAverageRuleSumsEachSampleAgainstItsAverage() {
        double beta = 0.2;
        int points = 16;
        FrequencyPlan plan = new FrequencyPlan(new int[]{3, 5}, new int[]{0, 1}, false);
        NudgeSchedule s = schedule(NudgeShape.multiplex(points, plan), 4, 3, 2, beta);
        RunningAverageHebbian rule = new RunningAverageHebbian(s, 0.5, 8);
        assertEquals(s.freeSampleTime(0), rule.nextSampleTime(0));
        assertEquals(s.pointSampleTime(0, 0), rule.nextSampleTime(s.freeSampleTime(0) + 1));
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double free = r.nextDouble();
        assertEquals(0.0, rule.observeCorrelation(s.freeSampleTime(0), free, 0.0), 0.0);
        double a = free;
        double sum = 0;
        double step = 0;
        for (int p = 0; p < points; p++) {
            double c = free + 0.1 * r.nextGaussian();
            sum += c - a;
            a += (c - a) / 8;
            step = rule.observeCorrelation(s.pointSampleTime(0, p), c, 0.0);
        }
        assertEquals(-2 * sum / (points * beta), rule.lastGradient(), 1e-15);
        assertEquals(-2 * 8 * (a - free) / (points * beta), rule.lastGradient(), 1e-14);
        assertEquals(-0.5 * rule.lastGradient(), step, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new RunningAverageHebbian(
                schedule(NudgeShape.multiplex(points, new FrequencyPlan(new int[]{3, 5}, new int[]{0, 1}, true)), 4, 3, 2, beta), 0.5, 8));
    }

    /** Task weights λ_k scale each demodulator's share of the step, −η Σ λ_k ĝ_k; a task's reported estimate stays its own. */
    @Test
    void taskWeightsScaleEachTasksShareOfTheStep() {
        double beta = 0.2;
        FrequencyPlan plan = new FrequencyPlan(new int[]{3, 5}, new int[]{0, 1}, true).weighted(new double[]{0.5, 0.1});
        for (int report = -1; report < 2; report++) {
            NudgeSchedule s = schedule(NudgeShape.multiplex(16, plan.reporting(report)), 0, 3, 2, beta);
            MultiplexedEP rule = new MultiplexedEP(s, 0.1);
            double step = 0;
            for (int p = 0; p < 16; p++) { // ρρ = 0.3 + 0.7 β_0 − 0.4 β_1
                double t0 = 2 * Math.PI * 3 * p / 16;
                double t1 = 2 * Math.PI * 5 * p / 16;
                step = rule.observeCorrelation(s.pointSampleTime(0, p), 0.3 + beta * (0.7 * Math.cos(t0) - 0.4 * Math.cos(t1)),
                        beta * (0.7 * Math.sin(t0) - 0.4 * Math.sin(t1)));
            }
            assertEquals(-0.1 * (0.5 * -0.7 + 0.1 * 0.4), step, 1e-15);
            assertEquals(report == 0 ? -0.7 : report == 1 ? 0.4 : 0.5 * -0.7 + 0.1 * 0.4, rule.lastGradient(), 1e-14);
        }
        assertThrows(IllegalArgumentException.class, () -> plan.weighted(new double[]{1.0}));
        assertThrows(IllegalArgumentException.class, () -> plan.weighted(new double[]{1.0, -1.0}));
    }

    /** A phase offset moves every task's oscillation: phase τ holds 2π m_k (τ + offset)/W, and the demodulator follows. */
    @Test
    void aShiftedPlanStartsEachOscillationLater() {
        FrequencyPlan plan = new FrequencyPlan(new int[]{3, 5}, new int[]{0, 1}, true).shifted(4);
        assertEquals(2 * Math.PI * ((5 * (2 + 4)) % 16) / 16, plan.phase(1, 2, 16), 1e-15);
        NudgeSchedule s = schedule(NudgeShape.multiplex(16, plan.reporting(1)), 0, 3, 2, 0.2);
        MultiplexedEP rule = new MultiplexedEP(s, 0.0);
        for (int p = 0; p < 16; p++) { // ρρ = 0.7·β_1(τ): the demodulator must read the same shifted phase
            double theta = plan.phase(1, p, 16);
            rule.observeCorrelation(s.pointSampleTime(0, p), 0.7 * 0.2 * Math.cos(theta), 0.7 * 0.2 * Math.sin(theta));
        }
        assertEquals(-0.7, rule.lastGradient(), 1e-14);
    }

    /** Real nudges β cos ω_kτ: the demodulator doubles the cosine's share, so a linear response gives c_k exactly. */
    @Test
    void realNudgesAreDemodulatedWithTheCosinesAmplitude() {
        double beta = 0.2;
        int points = 16;
        int[] m = {4, 5};
        FrequencyPlan plan = new FrequencyPlan(m, new int[]{0, 1}, false, 1, 0, null);
        NudgeSchedule s = schedule(NudgeShape.multiplex(points, plan), 0, 3, 2, beta);
        MultiplexedEP rule = new MultiplexedEP(s, 0.0);
        assertTrue(!rule.complex());
        for (int p = 0; p < points; p++) {
            double corr = 0.3 - 0.7 * beta * Math.cos(2 * Math.PI * m[0] * p / points) + 0.45 * beta * Math.cos(2 * Math.PI * m[1] * p / points);
            rule.observeCorrelation(s.pointSampleTime(0, p), corr, 0.0);
        }
        assertEquals(-0.45, rule.lastGradient(), 1e-14);
    }

    /**
     * A block's demodulators in arrays ({@link MultiplexedEP#block}) give every cell the bits its own MultiplexedEP
     * gives: three cells at their own rates, two tasks weighted, a Hann window, complex and real nudges, reporting the
     * sum and one task — every change and every reported estimate equal, not close.
     */
    @Test
    void aBlockIsItsCellsBitForBit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (boolean complex : new boolean[]{true, false}) {
            for (int report : new int[]{-1, 1}) {
                FrequencyPlan plan = new FrequencyPlan(new int[]{5, 7}, new int[]{0, 1}, complex).windowed(true)
                        .weighted(new double[]{0.5, 0.1}).reporting(report);
                NudgeSchedule clock = schedule(NudgeShape.multiplex(16, 2, plan), 3, 10, 2, 0.3);
                double[] rates = {0.1, 0.02, 0.3};
                BlockRule block = new MultiplexedEP(clock, 0.1).block(rates);
                MultiplexedEP[] cells = new MultiplexedEP[rates.length];
                for (int c = 0; c < rates.length; c++) cells[c] = new MultiplexedEP(clock, rates[c]);
                double[] re = new double[3], im = new double[3], dw = new double[3];
                int updates = 0;
                for (long t = block.nextSampleTime(0); t != Long.MAX_VALUE; t = block.nextSampleTime(t + 1)) {
                    for (int c = 0; c < 3; c++) {
                        re[c] = random.nextDouble(-1, 1);
                        im[c] = complex ? random.nextDouble(-1, 1) : 0.0;
                    }
                    boolean moved = block.observe(t, re, im, dw);
                    for (int c = 0; c < 3; c++) {
                        double own = cells[c].observeCorrelation(t, re[c], im[c]);
                        if (moved) assertEquals(own, dw[c], 0.0, "cell " + c + " at " + t);
                        else assertEquals(0.0, own, 0.0, "cell " + c + " at " + t);
                        assertEquals(cells[c].lastGradient(), block.lastGradient(c), 0.0);
                    }
                    if (moved) updates++;
                }
                assertEquals(1, updates, "one window, one update");
            }
        }
    }
}
