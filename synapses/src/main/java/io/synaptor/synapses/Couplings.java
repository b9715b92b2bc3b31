package io.synaptor.synapses;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The coupling kinds on the class path, by name: every {@link CouplingModel} {@link ServiceLoader} finds. */
public final class Couplings {
    private Couplings() {
    }

    /** The default: W·ρ(s_i)·ρ(s_j) ({@link PairwiseCoupling}). */
    public static final String DEFAULT = PairwiseCoupling.NAME;

    private static final Map<String, CouplingModel> KINDS = load();

    private static Map<String, CouplingModel> load() {
        Map<String, CouplingModel> byName = new TreeMap<>();
        for (CouplingModel m : ServiceLoader.load(CouplingModel.class, Couplings.class.getClassLoader())) {
            CouplingModel before = byName.putIfAbsent(m.name(), m);
            if (before != null) {
                throw new IllegalStateException("two couplings are called '" + m.name() + "': "
                        + before.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return Map.copyOf(byName);
    }

    public static List<String> names() {
        return KINDS.keySet().stream().sorted().toList();
    }

    /** The kind called {@code name}; an unknown name is an error that lists the known ones. */
    public static CouplingModel named(String name) {
        CouplingModel m = KINDS.get(name);
        if (m == null) throw new IllegalArgumentException("unknown coupling '" + name + "' (known: " + String.join(", ", names()) + ")");
        return m;
    }
}
