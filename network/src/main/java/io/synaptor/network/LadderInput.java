package io.synaptor.network;

/**
 * The conditioning units of annealed Langevin sampling as the model a unit actor hosts
 * (docs/scenarios.md#thermo-diffusion): unit k of the slice holds component {@code first + k} of the embedding
 * of the current level's σ ({@link DsmSubstrate#embedding}), read from its own clock — every sample alike.
 */
public final class LadderInput extends SamplerSlice {
    private final int first;
    private final AnnealingLadder ladder;

    /** @param first the embedding component of the slice's first unit */
    public LadderInput(int[] units, int first, AnnealingLadder ladder, int samples) {
        super(units, samples, ladder.endTime());
        if (first < 0 || first + units.length > DsmSubstrate.CONDITIONING) throw new IllegalArgumentException("the embedding has " + DsmSubstrate.CONDITIONING + " components");
        this.first = first;
        this.ladder = ladder;
        hold(0);
    }

    private void hold(long t) {
        double[] e = DsmSubstrate.embedding(ladder.sigma(t));
        int samples = row();
        for (int k = 0; k < size(); k++) java.util.Arrays.fill(state, k * samples, (k + 1) * samples, e[first + k]);
    }

    @Override
    public void step(long t, double[] field) {
        hold(t + 1);
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        return state.clone();
    }

    /** The embedding changes only between levels. */
    @Override
    public long holdsThrough(long t) {
        return ladder.holdsThrough(t, (long) ladder.steps() * ladder.relax());
    }
}
