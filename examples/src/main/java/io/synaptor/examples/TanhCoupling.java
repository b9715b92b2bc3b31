package io.synaptor.examples;

import com.google.auto.service.AutoService;
import io.synaptor.neurons.Activation;
import io.synaptor.synapses.CouplingModel;

/**
 * Ising-like continuous spins: e_ij = −W_ij·tanh(s_i)·tanh(s_j), each end presenting tanh of its
 * state whatever the unit's activation, φ(s) = tanh(s) — the soft spin σ_i = tanh(s_i) of a
 * Hopfield/Ising network with graded response (Hopfield 1984; the double-well units of
 * {@code bench langevin} couple this way). The force on end i is W_ij·(1 − tanh² s_i)·tanh(s_j),
 * a bias acts as −b_i·tanh(s_i), and an input clamped to present the value v sits at atanh v,
 * v kept {@link Activation#RATE_MARGIN} inside ±1. The unit's activation still bounds the state
 * (its clip), nothing else.
 *
 * <p>φ and its complex forms (holomorphic EP) are those of Synaptor's tanh activation, so a network
 * of holomorphic units can use holomorphic EP through this coupling. This file is the whole
 * plug-in: {@code @AutoService} lists it for {@link java.util.ServiceLoader}, and
 * {@code network.coupling = tanh} picks it.
 */
@AutoService(CouplingModel.class)
public final class TanhCoupling implements CouplingModel {
    private static final Activation TANH = Activation.named("tanh");

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "−W·tanh(s_i)·tanh(s_j): each end presents tanh of its state, whatever its activation (Ising-like soft spins)";
    }

    @Override
    public Activation ends(Activation unit) {
        return new TanhEnds(unit);
    }

    /** φ = tanh (φ' = 1 − tanh², φ'' = −2 tanh·(1 − tanh²)), real and complex; the state's range is the unit's. */
    private record TanhEnds(Activation unit) implements Activation {
        @Override
        public double rho(double s) {
            return TANH.rho(s);
        }

        @Override
        public double rhoPrime(double s) {
            return TANH.rhoPrime(s);
        }

        /** The engines pass φ(s) along, which saves the second tanh. */
        @Override
        public double rhoPrime(double s, double phi) {
            return TANH.rhoPrime(s, phi);
        }

        @Override
        public double rhoSecond(double s) {
            return TANH.rhoSecond(s);
        }

        /** atanh v, v kept in [−1 + 10⁻³, 1 − 10⁻³], then in the unit's range. */
        @Override
        public double stateOf(double value) {
            return unit.clip(TANH.stateOf(value));
        }

        @Override
        public double clip(double s) {
            return unit.clip(s);
        }

        @Override
        public boolean atBound(double s) {
            return unit.atBound(s);
        }

        /** As holomorphic as the unit: a state projected onto a range (the hard sigmoid's) has no complex continuation. */
        @Override
        public boolean holomorphic() {
            return unit.holomorphic();
        }

        @Override
        public void rho(double re, double im, double[] out, int at) {
            TANH.rho(re, im, out, at);
        }

        @Override
        public void rhoPrime(double re, double im, double[] out, int at) {
            TANH.rhoPrime(re, im, out, at);
        }

        @Override
        public void rhoSecond(double re, double im, double[] out, int at) {
            TANH.rhoSecond(re, im, out, at);
        }

        @Override
        public String name() {
            return "tanh (tanh coupling, " + unit.name() + " units)";
        }
    }
}
