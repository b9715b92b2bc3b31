package io.synaptor.network;

/**
 * A {@link SliceModel} of one unit whose state holds one entry per example (a driven oscillator, a slice of
 * the trap's particles as one unit of many chains, a sampler's coordinate, a relaxing unit): what such
 * models share — the unit's id, its state vector, the end time — so each says only what it does.
 */
public abstract class OneUnitSlice implements SliceModel {
    private final int unit;
    private final long endTime;
    protected final double[] state;

    protected OneUnitSlice(int unit, int entries, long endTime) {
        this.unit = unit;
        this.endTime = endTime;
        this.state = new double[entries];
    }

    /** The network's id of the unit. */
    protected final int unit() {
        return unit;
    }

    @Override
    public final int[] units() {
        return new int[]{unit};
    }

    @Override
    public final int row() {
        return state.length;
    }

    @Override
    public final double[] state() {
        return state;
    }

    /** One field entry per state entry, unless the model says otherwise. */
    @Override
    public int fieldLength() {
        return state.length;
    }

    @Override
    public final long endTime() {
        return endTime;
    }

    @Override
    public double[] realParts(int k) {
        return state.clone();
    }
}
