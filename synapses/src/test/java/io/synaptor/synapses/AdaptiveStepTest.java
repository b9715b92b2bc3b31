package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AdaptiveStep} against Adam's Algorithm 1 (Kingma and Ba 2015) written out again here, with
 * bias corrections from Math.pow rather than running products, and against its closed forms.
 */
class AdaptiveStepTest {
    /** No episodes: every time is in epoch 0. */
    private static final NudgeSchedule ONE_EPOCH = new FakeSchedule();

    /** A rule that returns a scripted change −η·g at every call (no timing of its own). */
    private static final class Scripted implements LearningRule {
        private final double rate;
        private final double[] gradients;
        private int next;

        Scripted(double rate, double... gradients) {
            this.rate = rate;
            this.gradients = gradients;
        }

        @Override public long nextSampleTime(long t) { return t; }
        @Override public long nextUpdateTime(long t) { return t; }
        @Override public double observeCorrelation(long t, double re, double im) { return -rate * gradients[next++]; }
        @Override public double lastGradient() { return gradients[next - 1]; }
    }

    /** Adam, Algorithm 1 of Kingma and Ba (2015), on the gradients g_1..g_k: the k steps Δw = −α m̂/(√v̂ + ε). */
    private static double[] adam(double alpha, double[] g) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-8, m = 0, v = 0;
        double[] steps = new double[g.length];
        for (int k = 1; k <= g.length; k++) {
            m = b1 * m + (1 - b1) * g[k - 1];
            v = b2 * v + (1 - b2) * g[k - 1] * g[k - 1];
            steps[k - 1] = -alpha * (m / (1 - Math.pow(b1, k))) / (Math.sqrt(v / (1 - Math.pow(b2, k))) + eps);
        }
        return steps;
    }

    @Test
    void stepsAreAdamsOnTheRulesGradients() {
        SplittableRandom r = new SplittableRandom(3);
        double[] g = new double[500];
        for (int k = 0; k < g.length; k++) g[k] = (r.nextDouble() - 0.3) * Math.exp(3 * r.nextDouble()); // drifting, scales over e^3
        double rate = 0.01;
        AdaptiveStep rule = new AdaptiveStep(new Scripted(rate, g), ONE_EPOCH, rate);
        double[] expected = adam(rate, g);
        for (int k = 0; k < g.length; k++) {
            assertEquals(expected[k], rule.observeCorrelation(k, 0, 0), 1e-13 * rate, "step " + (k + 1));
        }
        assertEquals(g[g.length - 1], rule.lastGradient(), 0.0, "the estimate is the wrapped rule's");
    }

    @Test
    void aConstantGradientStepsByTheRateWhateverItsScale() {
        // m̂ = g and v̂ = g² for a constant g: every step is −η·g/(|g| + ε), i.e. −η·sign(g), from the first
        for (double g : new double[]{3e-4, -0.2, 50.0}) {
            double[] gs = new double[40];
            java.util.Arrays.fill(gs, g);
            AdaptiveStep rule = new AdaptiveStep(new Scripted(0.05, gs), ONE_EPOCH, 0.05);
            for (int k = 0; k < gs.length; k++) {
                assertEquals(-0.05 * g / (Math.abs(g) + AdamMoments.EPSILON), rule.observeCorrelation(k, 0, 0), 1e-15, "g = " + g + ", step " + k);
            }
        }
    }

    @Test
    void aZeroChangeIsNoStep() {
        double rate = 0.1;
        AdaptiveStep withZeros = new AdaptiveStep(new Scripted(rate, 1.0, 0.0, -2.0, 0.0, 0.5), ONE_EPOCH, rate);
        AdaptiveStep without = new AdaptiveStep(new Scripted(rate, 1.0, -2.0, 0.5), ONE_EPOCH, rate);
        double[] a = new double[5];
        for (int k = 0; k < 5; k++) a[k] = withZeros.observeCorrelation(k, 0, 0);
        assertEquals(0.0, a[1], 0.0);
        assertEquals(0.0, a[3], 0.0);
        assertEquals(without.observeCorrelation(0, 0, 0), a[0], 0.0);
        assertEquals(without.observeCorrelation(1, 0, 0), a[2], 0.0);
        assertEquals(without.observeCorrelation(2, 0, 0), a[4], 0.0);
    }

    @Test
    void underTheOptimizerTheMomentsRestartEachEpochAndTheDecayScalesTheStep() {
        // two training episodes per epoch, three epochs; γ = 0.5: epoch e's steps are Adam's from fresh moments, times 0.5^e
        FakeSchedule s = new FakeSchedule().epochsOf(2);
        for (int e = 0; e < 6; e++) s.train(2, 1, 0.5);
        double[] g = {0.3, -0.1, 0.7, 0.2, -0.4, 0.05};
        LearningRule rule = new Optimizer(Optimizer.Kind.ADAM, 0.5).wrap(new Scripted(0.02, g), s, 0.02);
        for (int k = 0; k < g.length; k++) {
            double expected = adam(0.02, java.util.Arrays.copyOfRange(g, k - k % 2, k + 1))[k % 2] * Math.pow(0.5, k / 2);
            assertEquals(expected, rule.observeCorrelation(s.nudgedSampleTime(k), 0, 0), 1e-15, "episode " + k);
        }
    }
}
