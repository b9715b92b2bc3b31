package io.synaptor.neurons;

/**
 * ρ(s) = 0 ∨ s ∧ 1 (Scellier &amp; Bengio 2017, section 2). As in the paper the state itself is
 * kept in [0, 1] (s ← clip(s − ε ∂F/∂s, 0, 1)): without the clip a saturated unit chatters around
 * the kink at 1 and never settles. ρ' is taken as 1 on the closed interval, so a unit at rest at
 * s = 0 still feels its field. ρ'' = 0 almost everywhere; the reference treats units on the
 * boundary as fixed (their λ is zero) and differentiates through the interior ones.
 */
public final class HardSigmoid implements Activation {
    @Override
    public double rho(double s) {
        return s <= 0.0 ? 0.0 : (s >= 1.0 ? 1.0 : s);
    }

    @Override
    public double rhoPrime(double s) {
        return (s >= 0.0 && s <= 1.0) ? 1.0 : 0.0;
    }

    /** ρ is the state on [0, 1]: the rate itself, clipped to [0, 1]. */
    @Override
    public double stateOf(double rho) {
        return clip(rho);
    }

    @Override
    public double rhoSecond(double s) {
        return 0.0;
    }

    @Override
    public double clip(double s) {
        return s <= 0.0 ? 0.0 : (s >= 1.0 ? 1.0 : s);
    }

    @Override
    public boolean atBound(double s) {
        return s <= 0.0 || s >= 1.0;
    }

    @Override
    public String name() {
        return "hard-sigmoid";
    }
}
