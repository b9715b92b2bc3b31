package io.synaptor.synapses;

/**
 * A {@link SynapseModel} that holds one synapse between two single-unit slices (a driven coupling, the
 * harmonic trap's particles-to-learner link): one cell, coupling {@code id}
 * of the network, no lateral form (and, as every {@link SynapseModel} unless it says otherwise, no learning).
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
    public double[] driveWithin(long tau, double[] value) {
        throw new UnsupportedOperationException("one synapse joins two slices, never a slice to itself");
    }
}
