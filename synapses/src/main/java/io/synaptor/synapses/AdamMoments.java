package io.synaptor.synapses;

import java.util.Arrays;

/**
 * Adam's running moments of one or more parameters (Kingma and Ba 2015, "Adam: a method for stochastic
 * optimization", Algorithm 1), in arrays — a block's cells, or the parameters a model learns from its own
 * gradient estimates (an echo-learning coupling, a unit's bias) — each parameter's step depending on its
 * own history only. A parameter whose change is 0 (rate 0, or no update now) keeps its moments and step
 * count, as in lazy (sparse) Adam; {@link #enter} restarts every moment when a change belongs to a new
 * epoch ({@link AdaptiveStep} says why).
 */
public final class AdamMoments {
    /** Adam's defaults (Kingma and Ba 2015, Algorithm 1): decay of the first and second moments, and ε. */
    static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;

    private final double[] rate, m, v, beta1Power, beta2Power;
    private int epoch = -1;

    /** Parameter k learns at rates[k]. */
    public AdamMoments(double[] rates) {
        rate = rates.clone();
        m = new double[rates.length];
        v = new double[rates.length];
        beta1Power = new double[rates.length];
        beta2Power = new double[rates.length];
    }

    /** Restarts every moment when a change belongs to a new epoch. */
    public void enter(int e) {
        if (e == epoch) return;
        epoch = e;
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
        Arrays.fill(beta1Power, 1.0);
        Arrays.fill(beta2Power, 1.0);
    }

    /** Parameter k's Adam step for the plain change dw = −η·ĝ (0 stays 0). */
    public double step(int k, double dw) {
        if (dw == 0.0) return dw;
        double g = dw / rate[k];                          // −ĝ: Adam's moments are of the gradient, not of the step
        m[k] = BETA1 * m[k] + (1 - BETA1) * g;
        v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
        beta1Power[k] *= BETA1;
        beta2Power[k] *= BETA2;
        double mHat = m[k] / (1 - beta1Power[k]), vHat = v[k] / (1 - beta2Power[k]);
        return rate[k] * mHat / (Math.sqrt(vHat) + EPSILON);
    }
}
