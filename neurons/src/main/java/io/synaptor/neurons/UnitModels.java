package io.synaptor.neurons;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The unit models on the class path, by name: every {@link UnitModel} {@link ServiceLoader} finds. */
public final class UnitModels {
    private UnitModels() {
    }

    /** The default: U(s) = ½ s², overdamped ({@link OverdampedUnit.Model}). */
    public static final String DEFAULT = OverdampedUnit.Model.NAME;

    private static final Map<String, UnitModel> MODELS = load();

    private static Map<String, UnitModel> load() {
        Map<String, UnitModel> byName = new TreeMap<>();
        for (UnitModel m : ServiceLoader.load(UnitModel.class, UnitModels.class.getClassLoader())) {
            UnitModel before = byName.putIfAbsent(m.name(), m);
            if (before != null) {
                throw new IllegalStateException("two unit models are called '" + m.name() + "': "
                        + before.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return Map.copyOf(byName);
    }

    public static List<String> names() {
        return MODELS.keySet().stream().sorted().toList();
    }

    /** The model called {@code name}; an unknown name is an error that lists the known ones. */
    public static UnitModel named(String name) {
        UnitModel m = MODELS.get(name);
        if (m == null) throw new IllegalArgumentException("unknown unit model '" + name + "' (known: " + String.join(", ", names()) + ")");
        return m;
    }
}
