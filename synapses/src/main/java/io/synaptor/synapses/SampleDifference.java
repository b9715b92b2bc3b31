package io.synaptor.synapses;

/**
 * A block rule whose change at a training episode's second sample is, for every cell, one gain times the
 * difference of the two samples' minibatch correlations: dw_k = g·(C2_k − C1_k) — one-sided and centered EP at
 * one rate (Scellier &amp; Bengio 2017, eq. 13; Laborieux et al. 2021, eq. 4), a per-epoch rate decay scaling g.
 * A full dense block then keeps the first sample's activations instead of its correlations and makes the change
 * as one product, W += (g/B)·[ρ_A² | ρ_A¹]·[ρ_B² | −ρ_B¹]ᵀ ({@link CouplingBlock#addDifference}): the FLOPs of
 * the two correlation products, and no pass over the cells to store, estimate, scale and add (issue 22, item 2).
 */
interface SampleDifference {
    /** What a sample time is to the block. */
    enum Kind { FIRST, SECOND, NONE }

    /**
     * Told of sample time t, once: FIRST (a training episode's first sample: keep both ends' activations),
     * SECOND (its second, after a first in the same episode: move; {@link #gain} and {@link #perDifference}
     * then hold), or NONE.
     */
    Kind observe(long t);

    /** g of the last SECOND: dw_k = g·(C2_k − C1_k). */
    double gain();

    /** κ of the last SECOND: the estimate of dL/dW_k is κ·(C2_k − C1_k) (what lastGradient reports). */
    double perDifference();
}
