package io.synaptor.neurons;

/**
 * A unit model as a plug-in (DESIGN.md, "Learning rules"): the self-energy U(s) it contributes
 * to E, which the dense reference differentiates, and the dynamics that relax it, which the unit
 * actors and the synchronous simulation step. A network picks one per population
 * ({@code NetworkSpec#models}); both engines and the reference read the same object.
 *
 * <p>Models are found with {@link java.util.ServiceLoader} ({@link UnitModels#named}): a jar that
 * lists an implementation in {@code META-INF/services/io.synaptor.neurons.UnitModel} (for instance
 * by {@code @AutoService(UnitModel.class)}) adds one without touching Synaptor.
 */
public interface UnitModel {
    /** The value of {@code units.model} (or a population's {@code model}) that picks it. */
    String name();

    /** One line for {@code --help} and the docs. */
    String description();

    /** U(s), the unit's term of E. */
    SelfEnergy selfEnergy();

    /**
     * The dynamics of one unit (or of one slice's units: a fresh object per call, since complex
     * dynamics keep scratch space) with the network's activation, step and temperature.
     *
     * @param complex complex states (holomorphic EP); a model without a complex form throws
     *                {@link IllegalArgumentException} with a sentence saying so
     */
    UnitDynamics dynamics(Activation activation, double dt, double temperature, boolean complex);
}
