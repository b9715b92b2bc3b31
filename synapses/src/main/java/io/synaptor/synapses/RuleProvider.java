package io.synaptor.synapses;

/**
 * A learning rule as a plug-in (DESIGN.md, "Learning rules"): its setting name, and besides the
 * synapse-local rule itself what it needs from the units and the episode — which nudge follows
 * the free phase, and whether the outputs are clamped instead of nudged. Hosts (unit and synapse
 * actors, the synchronous simulation, the codec, the settings) ask the provider, never the name.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} ({@link Rules#named}): a jar on the
 * class path that lists an implementation in {@code META-INF/services/io.synaptor.synapses.RuleProvider}
 * (for instance by {@code @AutoService(RuleProvider.class)}) adds a rule without touching Synaptor.
 */
public interface RuleProvider {
    /** The value of {@code learning.rule} that picks this rule. */
    String name();

    /** One line for {@code synaptor run NAME --help}. */
    String description();

    /**
     * The nudge the second part of an episode needs, given the complex one the settings describe
     * ({@code learning.holomorphic.*}, used by rules that need complex states).
     */
    default NudgeShape shape(NudgeShape holomorphic) {
        return NudgeShape.ONE_SIDED;
    }

    /** Where output units are held while the outputs would be nudged; null: they are nudged by β (the EP family). */
    default OutputClamp clamp() {
        return null;
    }

    /** One synapse's rule on the given nudge clock, learning at {@code rate}. */
    LearningRule create(NudgeSchedule schedule, double rate);
}
