package io.synaptor.synapses;

import java.util.Arrays;

/**
 * A block's rule whose state is in arrays, one entry per cell, paced by one copy of the per-weight rule on the
 * block's clock (DESIGN.md, "Granularity"): when to sample and update, and whether activations are complex, are
 * that rule's; each cell's latest estimate is kept here.
 */
abstract class PacedBlock implements BlockRule {
    private final LearningRule pacer;
    protected final double[] lastGradient; // per cell; NaN before the first estimate

    PacedBlock(LearningRule pacer, int cells) {
        this.pacer = pacer;
        this.lastGradient = new double[cells];
        Arrays.fill(lastGradient, Double.NaN);
    }

    @Override
    public final long nextSampleTime(long t) {
        return pacer.nextSampleTime(t);
    }

    @Override
    public final long nextUpdateTime(long t) {
        return pacer.nextUpdateTime(t);
    }

    @Override
    public final boolean complex() {
        return pacer.complex();
    }

    @Override
    public final double lastGradient(int cell) {
        return lastGradient[cell];
    }
}
