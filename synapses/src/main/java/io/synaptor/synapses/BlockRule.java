package io.synaptor.synapses;

/**
 * The learning rule of a block of weights (DESIGN.md, "Granularity"): every weight of a block
 * learns by one rule on one clock, so whether t is a sample, which one, and whether the weights
 * move is decided once for the block; a block then keeps its per-weight state in arrays, not in
 * one object per weight (at MNIST size the objects' pointer chasing cost more than the
 * correlations' matrix product). Cell k's change is exactly what a {@link LearningRule} of its own
 * would return from {@link LearningRule#observeCorrelation} — same bits. (A full dense block whose rule is a
 * {@link #difference} moves by one product instead; its weights then differ in the last bits.) Not thread-safe:
 * one per block actor.
 */
public interface BlockRule {
    /** The first local time ≥ t at which the block wants to see both ends; Long.MAX_VALUE if never. */
    long nextSampleTime(long t);

    /** The first local time ≥ t at which {@link #observe} may move a weight. */
    long nextUpdateTime(long t);

    /** Whether the rule reads complex activations (holomorphic EP). */
    boolean complex();

    /**
     * Cell k sees the minibatch mean correlation re[k] + i·im[k] of its two ends at a sample time t;
     * its change, to apply now, goes to dw[k] (0 for an empty cell). Returns whether any dw[k] ≠ 0; dw is read
     * only then (a rule need not clear it when it returns false).
     */
    boolean observe(long t, double[] re, double[] im, double[] dw);

    /** Cell k's latest estimate of dL/dW (for gradient checks); NaN before the first. */
    double lastGradient(int cell);

    /**
     * This rule as a {@link SampleDifference} — one gain for all cells times the two samples' correlation difference —
     * or null if it is not one. A block that uses it calls {@link SampleDifference#observe} instead of {@link #observe}.
     */
    default SampleDifference difference() {
        return null;
    }

    /** Any rule: one {@link LearningRule} per cell, asked in turn. */
    static BlockRule perWeight(LearningRule[] rules) {
        LearningRule pacer = rules[0]; // every cell's rule is on the block's clock
        return new BlockRule() {
            @Override public long nextSampleTime(long t) { return pacer.nextSampleTime(t); }
            @Override public long nextUpdateTime(long t) { return pacer.nextUpdateTime(t); }
            @Override public boolean complex() { return pacer.complex(); }
            @Override public double lastGradient(int cell) { return rules[cell].lastGradient(); }

            @Override
            public boolean observe(long t, double[] re, double[] im, double[] dw) {
                boolean any = false;
                for (int k = 0; k < rules.length; k++) {
                    dw[k] = rules[k].observeCorrelation(t, re[k], im[k]);
                    any |= dw[k] != 0.0;
                }
                return any;
            }
        };
    }
}
