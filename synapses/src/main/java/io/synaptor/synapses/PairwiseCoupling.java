package io.synaptor.synapses;

import com.google.auto.service.AutoService;
import io.synaptor.neurons.Activation;

/**
 * {@code pairwise}: e_ij = −W_ij·ρ(s_i)·ρ(s_j), each end presenting its activation (Scellier &amp;
 * Bengio 2017, eq. 1; Hopfield 1984) — the coupling of every EP scenario.
 */
@AutoService(CouplingModel.class)
public final class PairwiseCoupling implements CouplingModel {
    static final String NAME = "pairwise";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "−W·ρ(s_i)·ρ(s_j): each end presents its activation (the EP papers' Hopfield energy)";
    }

    @Override
    public Activation ends(Activation unit) {
        return unit;
    }
}
