package io.synaptor.synapses;

/**
 * Couplings that do not learn, between two slices, as the model a synapse actor hosts: each end feels
 * W times the other end's value, sample by sample (the drive of −W·φ_i·φ_j, DESIGN.md, "The protocol") —
 * a trained substrate running as a sampler, or a readout of weight 1. One cell at unit granularity, a
 * projection's block at block granularity; the products are {@link CouplingBlock}'s.
 */
public final class FixedBlock implements SynapseModel {
    private final int[] couplings;
    private final CouplingBlock block;

    /**
     * @param couplings each cell's coupling id in the network
     * @param block     the weights, cell k joining unit {@code block.cellA(k)} of end i and {@code block.cellB(k)} of end j
     */
    public FixedBlock(int[] couplings, CouplingBlock block) {
        if (couplings.length != block.cells()) throw new IllegalArgumentException("one coupling id per cell");
        this.couplings = couplings.clone();
        this.block = block;
    }

    @Override
    public int cells() {
        return couplings.length;
    }

    @Override
    public int coupling(int cell) {
        return couplings[cell];
    }

    @Override
    public int cellI(int cell) {
        return block.cellA(cell);
    }

    @Override
    public int cellJ(int cell) {
        return block.cellB(cell);
    }

    @Override
    public double weight(int cell) {
        return block.weight(cell);
    }

    @Override
    public double[] driveToI(long tau, double[] valueJ) {
        return block.driveToA(valueJ);
    }

    @Override
    public double[] driveToJ(long tau, double[] valueI) {
        return block.driveToB(valueI);
    }

    @Override
    public double[][] drives(long tau, double[] valueI, double[] valueJ) {
        return block.drives(valueI, valueJ);
    }

    @Override
    public double[] driveWithin(long tau, double[] value) {
        return block.driveWithin(value);
    }
}
