package io.synaptor.examples;

import com.google.auto.service.AutoService;
import io.synaptor.neurons.Activation;
import io.synaptor.synapses.CouplingEnds;
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
        return new CouplingEnds(TANH, unit); // φ, φ', φ'' (real and complex) are tanh's; the state's range is the unit's
    }
}
