package io.synaptor.network;

/**
 * Annealed Langevin sampling's program (Song &amp; Ermon 2019, Algorithm 1; REFERENCES.md, "Thermodynamic
 * diffusion with symmetric EP"; docs/scenarios.md#thermo-diffusion) on the actors' clocks: a geometric
 * ladder of noise levels σ₁ &gt; … &gt; σ_L, {@code steps} Langevin steps at each, and {@code relax} virtual steps
 * per Langevin step, in which the substrate relaxes to the denoiser x̂(x, σ) of the current samples.
 * The Langevin step itself is taken at the last virtual step of each window:
 * x ← x + (α_i/2)·(x̂ − x)/σ_i² + √α_i·z, α_i = ε·σ_i²/σ_L² (Tweedie: the score is (x̂ − x)/σ²).
 *
 * @param sigmas   the ladder, largest first
 * @param steps    Langevin steps per level
 * @param relax    virtual steps per Langevin step (the relaxation budget, link delays included)
 * @param epsilon  ε, the step size at the smallest level
 */
public record AnnealingLadder(double[] sigmas, int steps, int relax, double epsilon) {
    public AnnealingLadder {
        if (sigmas.length < 1) throw new IllegalArgumentException("the ladder needs at least one level");
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || (i > 0 && !(sigmas[i] < sigmas[i - 1]))) {
                throw new IllegalArgumentException("the ladder's σ must be positive and decreasing");
            }
        }
        if (steps < 1 || relax < 1) throw new IllegalArgumentException("need at least one Langevin step per level and one relaxation step per Langevin step");
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new IllegalArgumentException("ε must be positive, got " + epsilon);
        sigmas = sigmas.clone();
    }

    /** L levels geometrically from σ_max down to σ_min. */
    public static double[] geometric(double max, double min, int levels) {
        double[] s = new double[levels];
        for (int i = 0; i < levels; i++) s[i] = levels == 1 ? max : max * Math.pow(min / max, i / (levels - 1.0));
        return s;
    }

    /** The level in force during the step t → t+1. */
    public int level(long t) {
        return (int) Math.min(sigmas.length - 1, t / ((long) steps * relax));
    }

    public double sigma(long t) {
        return sigmas[level(t)];
    }

    /** Whether the step t → t+1 is a Langevin step (the last of its relaxation window). */
    public boolean langevinStep(long t) {
        return t % relax == relax - 1;
    }

    /** α at the level of step t: ε·σ_i²/σ_L². */
    public double alpha(long t) {
        double s = sigma(t);
        double last = sigmas[sigmas.length - 1];
        return epsilon * s * s / (last * last);
    }

    /** The last state time. */
    public long endTime() {
        return (long) sigmas.length * steps * relax;
    }

    /** The last state time through which a value that changes only at times ≡ 0 mod {@code period} after t holds. */
    public long holdsThrough(long t, long period) {
        long next = (t / period + 1) * period;
        return Math.min(next - 1, endTime());
    }
}
