package io.synaptor.synapses;

/**
 * A {@link SynapseModel} that holds one synapse between two single-unit slices (a driven coupling, the
 * harmonic trap's particles-to-learner link, a frozen coupling of a sampler): one cell, coupling {@code id}
 * of the network, no lateral form — and, unless it says otherwise, no learning and no gradient estimate.
 */
public abstract class OneSynapse implements SynapseModel {
    private final int id;

    protected OneSynapse(int id) {
        this.id = id;
    }

    @Override
    public final int cells() {
        return 1;
    }

    @Override
    public final int coupling(int cell) {
        return id;
    }

    @Override
    public final int cellI(int cell) {
        return 0;
    }

    @Override
    public final int cellJ(int cell) {
        return 0;
    }

    @Override
    public double lastGradient(int cell) {
        return Double.NaN;
    }

    @Override
    public long nextSampleTime(long t) {
        return Long.MAX_VALUE;
    }

    @Override
    public long nextUpdateTime(long t) {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean learn(long tau, double[] valueI, double[] valueJ) {
        return false;
    }

    @Override
    public int diverged() {
        return -1;
    }

    @Override
    public double[] driveWithin(long tau, double[] value) {
        throw new UnsupportedOperationException("one synapse joins two slices, never a slice to itself");
    }
}
