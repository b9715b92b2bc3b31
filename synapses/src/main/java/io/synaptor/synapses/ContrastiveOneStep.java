package io.synaptor.synapses;

/**
 * The CD-1-like rule from observed dynamics (seed 001, REFERENCES.md; this design,
 * docs/scenarios.md#gmm-sampler): an observed step of the time-reversed noising process goes from x_t
 * to x_{t−Δ}; the oscillator takes one step of its own dynamics from the same x_t,
 * x̃ = x_t + Δ·F(x_t, t) + √(2TΔ)·ξ, and the error is the difference of the two end points per unit
 * time, e = (x̃ − x_{t−Δ})/Δ. The update Δp = −η·λ·Σ_i e_i·∂F_i/∂p is a one-sample estimate of the
 * gradient of the log-likelihood of the observed step under the model's Gaussian one-step kernel
 * N(x_t + ΔF, 2TΔ) (up to the factor 1/2T): the model's step (negative phase, one step from the
 * data as in CD-1) against the observed one (positive phase). Its error has a variance ~2T/Δ that
 * force matching does not have.
 */
public final class ContrastiveOneStep {
    private ContrastiveOneStep() {
    }

    /** e = (x̃ − x_observed)/Δ. */
    public static double error(double modelStep, double observedStep, double delta) {
        return (modelStep - observedStep) / delta;
    }
}
