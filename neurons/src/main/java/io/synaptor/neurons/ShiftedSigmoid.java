package io.synaptor.neurons;

/**
 * ρ(s) = σ(4s − 2): smooth, holomorphic, ≈ the hard sigmoid on [0, 1] (Laborieux et al. 2021;
 * Laborieux &amp; Zenke 2022). The default: EP's gradient theory needs a smooth ρ.
 */
public final class ShiftedSigmoid implements Activation {
    @Override
    public double rho(double s) {
        return 1.0 / (1.0 + Math.exp(-(4.0 * s - 2.0)));
    }

    @Override
    public double rhoPrime(double s) {
        double r = rho(s);
        return 4.0 * r * (1.0 - r);
    }

    @Override
    public double rhoSecond(double s) {
        double r = rho(s);
        return 16.0 * r * (1.0 - r) * (1.0 - 2.0 * r);
    }

    @Override
    public String name() {
        return "sigmoid";
    }
}
