package io.synaptor.synapses;

import com.google.auto.service.AutoService;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.Identity;

/**
 * {@code bilinear}: e_ij = −W_ij·s_i·s_j, each end presenting its state, φ(s) = s (seed 000: the
 * analog substrate's couplings −s_iᵀW s_j; with a quadratic self-energy, a Gaussian model). The
 * force on an end is W·s_other whatever its activation, and a bias is a linear field −b·s; the
 * unit's activation still bounds the state (its clip), nothing else ({@link CouplingEnds}).
 */
@AutoService(CouplingModel.class)
public final class BilinearCoupling implements CouplingModel {
    @Override
    public String name() {
        return "bilinear";
    }

    @Override
    public String description() {
        return "−W·s_i·s_j: each end presents its state, whatever its activation (seed 000's analog substrate)";
    }

    @Override
    public Activation ends(Activation unit) {
        return new CouplingEnds(STATE, unit);
    }

    /** φ(s) = s, named as a bilinear coupling's ends have always been named (exports read it). */
    private static final Activation STATE = new Identity() {
        @Override
        public String name() {
            return "state";
        }
    };
}
