package io.synaptor.neurons;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The implementations of one plug-in interface on the class path, by name — every one
 * {@link ServiceLoader} finds (built in, or a plug-in jar's). Unit models, couplings and learning
 * rules each keep one; it lives here, in the lowest module, because all three see it.
 *
 * @param <T> the plug-in interface
 */
public final class PluginRegistry<T> {
    private final String kind;
    private final Map<String, T> byName;

    /**
     * @param kind what one is called in messages ("unit model", "coupling", "learning rule")
     * @param name how an implementation tells its name
     * @throws IllegalStateException if two implementations share a name
     */
    public PluginRegistry(Class<T> type, String kind, Function<T, String> name) {
        this.kind = kind;
        Map<String, T> found = new TreeMap<>();
        for (T p : ServiceLoader.load(type, type.getClassLoader())) {
            T before = found.putIfAbsent(name.apply(p), p);
            if (before != null) {
                throw new IllegalStateException("two " + kind + "s are called '" + name.apply(p) + "': "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        this.byName = Map.copyOf(found);
    }

    /** The names found, sorted. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** The one called {@code name}; an unknown name is an error that lists the known ones. */
    public T named(String name) {
        T p = byName.get(name);
        if (p == null) throw new IllegalArgumentException("unknown " + kind + " '" + name + "' (known: " + String.join(", ", names()) + ")");
        return p;
    }
}
