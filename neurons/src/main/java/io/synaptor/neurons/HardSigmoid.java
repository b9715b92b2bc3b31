package io.synaptor.neurons;

/**
 * ρ(s) = 0 ∨ s ∧ 1 (Scellier &amp; Bengio 2017, section 2). Piecewise linear: ρ'' = 0 almost
 * everywhere, so the reference Hessian ignores the kinks. Unlike the paper we do not clip the
 * state itself: with U = ½s² a unit outside [0, 1] has ρ' = 0 and relaxes back, so the fixed
 * points are the same and the dynamics stay a plain gradient flow the reference can reproduce.
 */
public final class HardSigmoid implements Activation {
    @Override
    public double rho(double s) {
        return s <= 0.0 ? 0.0 : (s >= 1.0 ? 1.0 : s);
    }

    @Override
    public double rhoPrime(double s) {
        return (s > 0.0 && s < 1.0) ? 1.0 : 0.0;
    }

    @Override
    public double rhoSecond(double s) {
        return 0.0;
    }

    @Override
    public String name() {
        return "hard-sigmoid";
    }
}
