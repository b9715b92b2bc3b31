package io.synaptor.synapses;

/**
 * A driven coupling between oscillators i and j: energy J(t)·x_i·x_j with J(t) a
 * {@link DrivingProtocol} (this design, docs/scenarios.md#gmm-sampler). The force it puts on i is
 * −∂E/∂x_i = −J·x_j (and −J·x_i on j). Its learning signal uses only its two ends: with force errors
 * e_i, e_j (see {@link ForceMatching}, {@link ContrastiveOneStep}) the loss ½Σ e² has
 * ∂L/∂J = e_i·∂F_i/∂J + e_j·∂F_j/∂J = −(e_i·x_j + e_j·x_i).
 */
public final class BilinearCoupling {
    private BilinearCoupling() {
    }

    /** The force on one end, −J·x_other. */
    public static double force(double coupling, double xOther) {
        return -coupling * xOther;
    }

    public static double energy(double coupling, double xi, double xj) {
        return coupling * xi * xj;
    }

    /** ∂(½e_i² + ½e_j²)/∂J = −(e_i·x_j + e_j·x_i). */
    public static double lossGradient(double ei, double xi, double ej, double xj) {
        return -(ei * xj + ej * xi);
    }
}
