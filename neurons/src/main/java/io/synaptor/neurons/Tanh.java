package io.synaptor.neurons;

/** ρ(s) = tanh(s), holomorphic (Laborieux &amp; Zenke 2022). */
public final class Tanh implements Activation {
    @Override
    public double rho(double s) {
        return Math.tanh(s);
    }

    @Override
    public double rhoPrime(double s) {
        double t = Math.tanh(s);
        return 1.0 - t * t;
    }

    @Override
    public double rhoSecond(double s) {
        double t = Math.tanh(s);
        return -2.0 * t * (1.0 - t * t);
    }

    @Override
    public String name() {
        return "tanh";
    }
}
