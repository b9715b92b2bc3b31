package io.synaptor.synapses;

/**
 * A time-dependent driving protocol: a parameter p(t) piecewise linear in protocol time over K knots
 * t_k = k·τ/(K−1), k = 0 … K−1, on [0, τ]: p(t) = (1 − f)·θ_k + f·θ_{k+1} for t in [t_k, t_{k+1}],
 * f = (t − t_k)(K−1)/τ; outside [0, τ] the end knot holds (this design, docs/scenarios.md#gmm-sampler).
 * The interpolation weights w_k(t) = ∂p(t)/∂θ_k are what a knot's gradient is weighted by.
 */
public record DrivingProtocol(int knots, double duration) {
    public DrivingProtocol {
        if (knots < 2) throw new IllegalArgumentException("a protocol needs at least 2 knots, got " + knots);
        if (!(duration > 0) || !Double.isFinite(duration)) throw new IllegalArgumentException("the duration must be positive, got " + duration);
    }

    private double position(double t) {
        double u = t / duration * (knots - 1);
        return u <= 0 ? 0.0 : Math.min(u, knots - 1);
    }

    /** k such that t lies in [t_k, t_{k+1}] (the last segment for t ≥ τ). */
    public int segment(double t) {
        return Math.min((int) position(t), knots - 2);
    }

    /** f = w_{k+1}(t), the weight of the segment's upper knot; 1 − f is the lower knot's. */
    public double upperWeight(double t) {
        return position(t) - segment(t);
    }

    /** p(t) from the knot values θ (the position computed once: the hot path of every driven force). */
    public double value(double[] theta, double t) {
        double u = position(t);
        int k = Math.min((int) u, knots - 2);
        double f = u - k;
        return (1.0 - f) * theta[k] + f * theta[k + 1];
    }

    /** grad_k += w_k(t)·g for the two knots around t: the chain rule through the interpolation. */
    public void accumulate(double[] grad, double t, double g) {
        double u = position(t);
        int k = Math.min((int) u, knots - 2);
        double f = u - k;
        grad[k] += (1.0 - f) * g;
        grad[k + 1] += f * g;
    }
}
