package io.synaptor.scenarios.data;

import java.util.SplittableRandom;

/**
 * A mixture of Gaussians with a common isotropic standard deviation: component k with probability
 * w_k, x = μ_k + σ·ε. gmm-sampler uses two components in 2-D, the diffusion scenarios eight on a ring.
 */
public record GaussianMixture(double[][] means, double[] weights, double std) {

    /** Two modes at −(o, o) (weight w) and +(o, o) (weight 1 − w) in the plane. */
    public static GaussianMixture twoModes(double offset, double weight, double std) {
        return new GaussianMixture(new double[][]{{-offset, -offset}, {offset, offset}}, new double[]{weight, 1.0 - weight}, std);
    }

    /** K equally weighted modes on a circle of radius r in the plane, mode k at angle 2πk/K. */
    public static GaussianMixture ring(int modes, double radius, double std) {
        double[][] means = new double[modes][];
        double[] weights = new double[modes];
        for (int k = 0; k < modes; k++) {
            double a = 2 * Math.PI * k / modes;
            means[k] = new double[]{radius * Math.cos(a), radius * Math.sin(a)};
            weights[k] = 1.0 / modes;
        }
        return new GaussianMixture(means, weights, std);
    }

    /** count points, by point then coordinate. */
    public double[][] sample(int count, SplittableRandom r) {
        double[][] x = new double[count][];
        for (int n = 0; n < count; n++) {
            double u = r.nextDouble();
            int k = 0;
            while (k < weights.length - 1 && u >= weights[k]) u -= weights[k++];
            x[n] = new double[means[k].length];
            for (int d = 0; d < x[n].length; d++) x[n][d] = means[k][d] + std * r.nextGaussian();
        }
        return x;
    }

    /**
     * The exact denoiser E[x₀ | x̃ = x₀ + σξ] of this mixture, in closed form: x̃ convolved with N(0, σ²) is a
     * mixture of N(μ_k, (s² + σ²)I) with posterior weights r_k(x̃) ∝ w_k·exp(−‖x̃ − μ_k‖²/2(s² + σ²)), and within
     * component k, E[x₀] = (σ²μ_k + s²x̃)/(s² + σ²) (Gaussian conditioning).
     */
    public double[] posteriorMean(double[] noisy, double sigma) {
        double v = std * std + sigma * sigma;
        double[] logR = new double[means.length];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double d = 0;
            for (int j = 0; j < noisy.length; j++) d += (noisy[j] - means[k][j]) * (noisy[j] - means[k][j]);
            logR[k] = Math.log(weights[k]) - d / (2 * v);
            top = Math.max(top, logR[k]);
        }
        double z = 0;
        double[] m = new double[noisy.length];
        for (int k = 0; k < means.length; k++) {
            double r = Math.exp(logR[k] - top);
            z += r;
            for (int j = 0; j < m.length; j++) m[j] += r * means[k][j];
        }
        double[] out = new double[noisy.length];
        for (int j = 0; j < out.length; j++) out[j] = (sigma * sigma * m[j] / z + std * std * noisy[j]) / v;
        return out;
    }

    /** The share of points nearer to each mean than to any other (nearest-mode assignment). */
    public double[] modeWeights(double[][] points) {
        double[] w = new double[means.length];
        for (double[] p : points) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < means.length; k++) {
                double d = 0;
                for (int j = 0; j < p.length; j++) d += (p[j] - means[k][j]) * (p[j] - means[k][j]);
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            w[best]++;
        }
        for (int k = 0; k < w.length; k++) w[k] /= points.length;
        return w;
    }

    /** max_k |ŵ_k − w_k|. */
    public double modeWeightError(double[][] points) {
        double[] w = modeWeights(points);
        double e = 0;
        for (int k = 0; k < w.length; k++) e = Math.max(e, Math.abs(w[k] - weights[k]));
        return e;
    }
}
