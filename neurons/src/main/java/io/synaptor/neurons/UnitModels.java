package io.synaptor.neurons;

import java.util.List;

/** The unit models on the class path, by name: every {@link UnitModel} {@link java.util.ServiceLoader} finds. */
public final class UnitModels {
    private UnitModels() {
    }

    /** The default: U(s) = ½ s², overdamped ({@link OverdampedUnit.Model}). */
    public static final String DEFAULT = OverdampedUnit.Model.NAME;

    private static final PluginRegistry<UnitModel> MODELS = new PluginRegistry<>(UnitModel.class, "unit model", UnitModel::name);

    public static List<String> names() {
        return MODELS.names();
    }

    /** The model called {@code name}; an unknown name is an error that lists the known ones. */
    public static UnitModel named(String name) {
        return MODELS.named(name);
    }
}
