package io.synaptor.network;

/**
 * The forward noising process of score-based generation, an Ornstein–Uhlenbeck relaxation in a unit
 * harmonic trap at the bath temperature T: dx = −x dt + √(2T) dW (variance preserving; Song et al.
 * 2021 with β ≡ 2; this design, docs/scenarios.md#gmm-sampler). From x_0 at t = 0:
 * x_t = α_t·x_0 + σ_t·ε, α_t = e^{−t}, σ_t² = T(1 − e^{−2t}); at t_max the prior is ≈ N(0, T).
 * The reverse-time process runs dx = [x + 2T·∇log p_t(x)] dτ + √(2T) dW̄ (Anderson 1982), so the
 * force the oscillators must feel at (x_t, t) is, given x_0 (denoising score matching, Vincent 2011):
 * F* = x_t − 2T·(x_t − α_t·x_0)/σ_t².
 *
 * @param tMin where sampling stops (the protocol is learned down to it)
 * @param tMax the protocol's duration τ, where sampling starts from the prior
 */
public record NoisingSchedule(double temperature, double tMin, double tMax) {
    public NoisingSchedule {
        if (!(temperature > 0) || !Double.isFinite(temperature)) throw new IllegalArgumentException("the temperature must be positive, got " + temperature);
        if (!(tMin > 0) || !(tMax > tMin) || !Double.isFinite(tMax)) {
            throw new IllegalArgumentException("need 0 < t_min < t_max, got " + tMin + " and " + tMax);
        }
    }

    public double alpha(double t) {
        return Math.exp(-t);
    }

    /** σ_t² = T(1 − e^{−2t}). */
    public double variance(double t) {
        return -temperature * Math.expm1(-2.0 * t);
    }

    /** F* = x_t − 2T(x_t − α_t x_0)/σ_t², the reverse drift given the clean point. */
    public double targetForce(double xt, double x0, double t) {
        return xt - 2.0 * temperature * (xt - alpha(t) * x0) / variance(t);
    }

    /**
     * λ(t) = σ_t²/(4T²): the usual σ² weighting of denoising score matching, written for forces
     * (F − F* = 2T(s − s*)), so every protocol time contributes errors of order one.
     */
    public double weight(double t) {
        return variance(t) / (4.0 * temperature * temperature);
    }

    /** x_t from x_0 and a standard normal draw. */
    public double noised(double x0, double t, double gaussian) {
        return alpha(t) * x0 + Math.sqrt(variance(t)) * gaussian;
    }

    /** One exact forward step of length Δ from x: e^{−Δ}x + √(T(1 − e^{−2Δ}))·ξ. */
    public double forward(double x, double delta, double gaussian) {
        return Math.exp(-delta) * x + Math.sqrt(-temperature * Math.expm1(-2.0 * delta)) * gaussian;
    }
}
