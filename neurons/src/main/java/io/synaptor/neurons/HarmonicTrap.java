package io.synaptor.neurons;

import java.util.SplittableRandom;

/**
 * The harmonic-trap energy-based model of Hnybida &amp; Verret 2025 (REFERENCES.md, "Minimal-dissipation
 * learning"): particles in E(x, θ) = (x − θ)²/2 at inverse temperature β with mobility μ, so that the
 * model density is p_m(x) ∝ e^{−βE} = N(θ, 1/β) and a particle relaxes at rate μ. Overdamped
 * Langevin dynamics, one Euler–Maruyama step (REFERENCES.md, the particles' update):
 * x ← x − μ(x − θ)dt + √(2μ dt/β)·ξ.
 *
 * <p>Why stiffness 1 and mobility μ: this is the model whose step REFERENCES.md gives (drift
 * −μ(x − θ) and noise √(2μ dt/β), stationary variance 1/β) and the one its slow-driving, continuous
 * and quasi-static excess works hold for; a trap E = μ(x − θ)²/2 with the same drift would need noise
 * √(2dt/β) and would make every work μ times larger. At μ = 1 the two are one model.
 */
public record HarmonicTrap(double mu, double beta) {
    public HarmonicTrap {
        if (!(mu > 0 && Double.isFinite(mu))) throw new IllegalArgumentException("μ must be positive, got " + mu);
        if (!(beta > 0 && Double.isFinite(beta))) throw new IllegalArgumentException("β must be positive, got " + beta);
    }

    /** E(x, θ) = (x − θ)²/2. */
    public static double energy(double x, double theta) {
        double d = x - theta;
        return 0.5 * d * d;
    }

    /** The stationary (model) variance 1/β of a particle in a trap at rest. */
    public double variance() {
        return 1 / beta;
    }

    /** A draw from the trap's equilibrium N(centre, 1/β). */
    public double equilibrium(double centre, SplittableRandom noise) {
        return centre + noise.nextGaussian() / Math.sqrt(beta);
    }

    /**
     * One Euler–Maruyama step of particles {@code from … to−1}, each with its own noise stream
     * {@code noise[i − from]}: x ← x − μ(x − θ)dt + √(2μ dt/β)·ξ.
     */
    public void step(double[] x, int from, int to, double theta, double dt, SplittableRandom[] noise) {
        double a = mu * dt;
        double s = Math.sqrt(2 * mu * dt / beta);
        for (int i = from; i < to; i++) x[i] += -a * (x[i] - theta) + s * noise[i - from].nextGaussian();
    }

    /**
     * The work done on particles {@code from … to−1} when θ changes with the particles held where
     * they are (Sekimoto): Σ_i E(x_i, θ') − E(x_i, θ). The energy changes by nothing else, so this is
     * exact for a jump and for each piecewise-constant step of θ alike.
     */
    public static double work(double[] x, int from, int to, double theta, double next) {
        double w = 0;
        for (int i = from; i < to; i++) w += energy(x[i], next) - energy(x[i], theta);
        return w;
    }
}
