package io.synaptor.synapses;

/**
 * A synapse-local learning rule: it sees only the activations at its two ends, at the local times
 * it asks for, plus the nudge schedule (DESIGN.md, "Learning rules"). A bias is a synapse to a
 * constant end ρ ≡ 1, so units reuse the same rules for their biases.
 *
 * <p>Activations arrive as vectors, one entry per example of the minibatch. Rules are plain
 * stateful objects, one per synapse; the host calls {@link #observe} in increasing time order.
 */
public interface LearningRule {
    /** The first local time ≥ t at which the rule wants to see both ends; Long.MAX_VALUE if never. */
    long nextSampleTime(long t);

    /** The first local time ≥ t at which {@link #observe} may return a non-zero change. */
    long nextUpdateTime(long t);

    /**
     * Sees ρ_i and ρ_j at a sample time; returns the change of the coupling to apply now, so that
     * the new value already holds at time t. Every EP-family rule measures only the minibatch mean
     * of ρ_iρ_j, so this is {@link #observeCorrelation} of that mean (complex for holomorphic rules).
     */
    default double observe(long t, double[] rhoI, double[] rhoJ) {
        if (!complex()) return observeCorrelation(t, Correlation.mean(rhoI, rhoJ), 0.0);
        return observeCorrelation(t, Correlation.complexMeanRe(rhoI, rhoJ), Correlation.complexMeanIm(rhoI, rhoJ));
    }

    /**
     * The same, given the minibatch mean C = (1/B) Σ_b ρ_i[b] ρ_j[b] (real and imaginary part):
     * how a block of synapses feeds its rules from one matrix product instead of one loop each.
     */
    double observeCorrelation(long t, double re, double im);

    /** Whether the rule reads complex activations (holomorphic EP). */
    default boolean complex() {
        return false;
    }

    /** The latest estimate of dL/dW (for gradient checks); NaN before the first estimate. */
    double lastGradient();
}
