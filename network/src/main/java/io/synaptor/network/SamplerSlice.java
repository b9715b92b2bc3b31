package io.synaptor.network;

/**
 * What the sampler's slice models share ({@link AnnealedLangevinSlice}, {@link LadderInput},
 * {@link RelaxingSlice}): a slice of units — one at unit granularity, a population's slice at block
 * granularity — whose state holds every sample of every unit, unit after unit ({@code samples} entries each),
 * and the sampling run's end time.
 */
abstract class SamplerSlice implements SliceModel {
    private final int[] units;
    private final int samples;
    private final long endTime;
    protected final double[] state;

    protected SamplerSlice(int[] units, int samples, long endTime) {
        if (units.length == 0) throw new IllegalArgumentException("a slice holds at least one unit");
        this.units = units.clone();
        this.samples = samples;
        this.endTime = endTime;
        this.state = new double[units.length * samples];
    }

    @Override
    public final int[] units() {
        return units.clone();
    }

    /** The network's id of the slice's unit k. */
    protected final int unit(int k) {
        return units[k];
    }

    protected final int size() {
        return units.length;
    }

    @Override
    public final int row() {
        return samples;
    }

    @Override
    public final double[] state() {
        return state;
    }

    @Override
    public final int fieldLength() {
        return state.length;
    }

    @Override
    public final long endTime() {
        return endTime;
    }

    @Override
    public final double[] realParts(int k) {
        return java.util.Arrays.copyOfRange(state, k * samples, (k + 1) * samples);
    }
}
