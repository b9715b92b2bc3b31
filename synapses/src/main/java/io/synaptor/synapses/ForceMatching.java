package io.synaptor.synapses;

/**
 * Force matching (seed 001, REFERENCES.md; denoising score matching, Vincent 2011, written for forces):
 * the oscillator measures the force F_i = −∂E/∂x_i it feels at a noised data point x_t and compares
 * it with the denoising target F*_i, the drift the reverse-time process needs there. Loss per sample
 * L = ½λ(t)·Σ_i (F_i − F*_i)²; a parameter p of the protocol at t gets ∂L/∂p = λ·Σ_i e_i·∂F_i/∂p, and
 * knot k the share w_k(t) of it ({@link ProtocolParameter#accumulate}). Since the forces are linear
 * in the parameters, ∂F_i/∂p is a local quantity: −x_i for the stiffness a_i, −1 for the tilt b_i,
 * −x_i³ for the quartic c_i, −x_j for a coupling J_ij (its other end's position).
 */
public final class ForceMatching {
    private ForceMatching() {
    }

    /** e = F − F*, the force error the oscillator measures. */
    public static double error(double force, double targetForce) {
        return force - targetForce;
    }
}
