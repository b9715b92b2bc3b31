package io.synaptor.synapses;

import io.synaptor.neurons.Activation;

/**
 * What units of activation {@code unit} present to a coupling whose φ is {@code phi}
 * ({@link CouplingModel#ends}): ρ, ρ', ρ'' (real and complex) are φ's, while the state's range —
 * {@code clip}, {@code atBound} — stays the unit's, since it bounds the state, not the coupling.
 * An input clamped to present v sits at φ⁻¹(v), kept in that range; holomorphic only when both are
 * (a state projected onto a range, the hard sigmoid's, has no complex continuation).
 */
public record CouplingEnds(Activation phi, Activation unit) implements Activation {
    @Override
    public double rho(double s) {
        return phi.rho(s);
    }

    @Override
    public double rhoPrime(double s) {
        return phi.rhoPrime(s);
    }

    /** The engines pass φ(s) along, which spares φ' a second exponential where it has a form in φ. */
    @Override
    public double rhoPrime(double s, double value) {
        return phi.rhoPrime(s, value);
    }

    @Override
    public double rhoSecond(double s) {
        return phi.rhoSecond(s);
    }

    @Override
    public double stateOf(double value) {
        return unit.clip(phi.stateOf(value));
    }

    @Override
    public double clip(double s) {
        return unit.clip(s);
    }

    @Override
    public boolean atBound(double s) {
        return unit.atBound(s);
    }

    @Override
    public boolean holomorphic() {
        return phi.holomorphic() && unit.holomorphic();
    }

    @Override
    public void rho(double re, double im, double[] out, int at) {
        phi.rho(re, im, out, at);
    }

    @Override
    public void rhoPrime(double re, double im, double[] out, int at) {
        phi.rhoPrime(re, im, out, at);
    }

    @Override
    public void rhoSecond(double re, double im, double[] out, int at) {
        phi.rhoSecond(re, im, out, at);
    }

    @Override
    public String name() {
        return phi.name() + " ends on " + unit.name() + " units";
    }
}
