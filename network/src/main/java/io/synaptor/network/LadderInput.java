package io.synaptor.network;

import java.util.Arrays;

/**
 * A conditioning unit of annealed Langevin sampling as the model a unit actor hosts: it holds component
 * {@code component} of the noise level's embedding ({@link DsmSubstrate#embedding}) at the level the
 * {@link AnnealingLadder} is at — a time-varying input, read from its own clock, for every sample.
 */
public final class LadderInput extends OneUnitSlice {
    private final int component;
    private final AnnealingLadder ladder;
    private final double[] value;

    public LadderInput(int unit, int component, AnnealingLadder ladder, int samples) {
        super(unit, samples, ladder.endTime());
        this.component = component;
        this.ladder = ladder;
        this.value = state;
        Arrays.fill(value, DsmSubstrate.embedding(ladder.sigma(0))[component]);
    }

    @Override
    public void step(long t, double[] field) {
        Arrays.fill(value, DsmSubstrate.embedding(ladder.sigma(t + 1))[component]);
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        return value.clone();
    }

    /** The embedding changes only between levels. */
    @Override
    public long holdsThrough(long t) {
        return ladder.holdsThrough(t, (long) ladder.steps() * ladder.relax());
    }
}
