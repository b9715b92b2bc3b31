package io.synaptor.synapses;

import io.synaptor.neurons.PluginRegistry;

import java.util.List;

/** The coupling kinds on the class path, by name: every {@link CouplingModel} {@link java.util.ServiceLoader} finds. */
public final class Couplings {
    private Couplings() {
    }

    /** The default: W·ρ(s_i)·ρ(s_j) ({@link PairwiseCoupling}). */
    public static final String DEFAULT = PairwiseCoupling.NAME;

    private static final PluginRegistry<CouplingModel> KINDS = new PluginRegistry<>(CouplingModel.class, "coupling", CouplingModel::name);

    public static List<String> names() {
        return KINDS.names();
    }

    /** The kind called {@code name}; an unknown name is an error that lists the known ones. */
    public static CouplingModel named(String name) {
        return KINDS.named(name);
    }
}
