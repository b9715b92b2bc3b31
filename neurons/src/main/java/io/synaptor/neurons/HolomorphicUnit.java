package io.synaptor.neurons;

/**
 * Overdamped dynamics continued to complex states (Laborieux &amp; Zenke 2022, eq. 2 with complex
 * s and β): ds/dt = −[U'(s) − ρ'(s) h + β (s − y)], every product complex, U(s) = ½ s² and C on the
 * state (as {@link OverdampedUnit}). The fixed points are holomorphic in β, which is what lets the
 * first Fourier coefficient of ρ_iρ_j around a circle of nudges give the exact gradient.
 *
 * <p>Noise, when the temperature is positive, is real and enters the real part only: the bath
 * perturbs the physical quantity. One instance per unit: it keeps two doubles of scratch space so
 * that the hot path allocates nothing.
 */
public final class HolomorphicUnit implements UnitDynamics {
    private final Activation activation;
    private final double dt;
    private final double noiseScale;
    private final double[] d = new double[2];
    private final double[] g = new double[2]; // scratch: the drift of one example (no allocation per step)

    public HolomorphicUnit(Activation activation, double dt, double temperature) {
        if (!activation.holomorphic()) {
            throw new IllegalArgumentException("holomorphic units need a holomorphic activation; " + activation.name() + " is not");
        }
        this.activation = activation;
        this.dt = dt;
        this.noiseScale = OverdampedUnit.noiseScale(dt, temperature);
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public int components() {
        return 2;
    }

    @Override
    public boolean isNoisy() {
        return noiseScale > 0;
    }

    @Override
    public void step(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double gaussian) {
        drift(s, b, h, bias, betaRe, betaIm, target);
        s[2 * b] = s[2 * b] - dt * g[0] + noiseScale * gaussian;
        s[2 * b + 1] = s[2 * b + 1] - dt * g[1];
    }

    /** g = ∂F/∂s̄ of example b (re, im), the complex gradient the step descends. */
    private void drift(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target) {
        int k = 2 * b;
        double zr = s[k];
        double zi = s[k + 1];
        double hr = h[k] + bias;
        double hi = h[k + 1];
        activation.rhoPrime(zr, zi, d, 0);
        double er = zr - target;
        g[0] = zr - (d[0] * hr - d[1] * hi) + (betaRe * er - betaIm * zi);
        g[1] = zi - (d[0] * hi + d[1] * hr) + (betaRe * zi + betaIm * er);
    }

    /** |∂F/∂s| of the complex step above (no projection, no noise): |s(t+1) − s(t)|/dt at T = 0, up to rounding. */
    @Override
    public double residual(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double[] rho) {
        drift(s, b, h, bias, betaRe, betaIm, target);
        return Math.hypot(g[0], g[1]);
    }

    @Override
    public void rho(double[] s, int b, double[] rho) {
        activation.rho(s[2 * b], s[2 * b + 1], rho, 2 * b);
    }
}
