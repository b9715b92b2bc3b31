package io.synaptor.synapses;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The pairwise couplings −W_ij ρ(s_i)ρ(s_j) between a slice A of one population and a slice B of
 * another (DESIGN.md, "Learning rules" and "Granularity"): the field end A feels is W ρ_B, end B
 * feels Wᵀ ρ_A. One symmetric weight per pair serves both directions; a 1 × 1 block is one synapse.
 *
 * <p>Vectors hold the slice's units one after the other, each as a row of {@code row} entries (its
 * minibatch, re/im interleaved for complex states), so a block's drive is one matrix product. The
 * result is a new array: it becomes a message payload, so it is never reused.
 */
public final class CouplingBlock {
    private final int sizeA;
    private final int sizeB;
    private final int row;
    private final DMatrixRMaj w;

    /** @param weights sizeA × sizeB, row-major (copied) */
    public CouplingBlock(int sizeA, int sizeB, int row, double[] weights) {
        if (weights.length != sizeA * sizeB) throw new IllegalArgumentException("expected " + sizeA * sizeB + " weights");
        this.sizeA = sizeA;
        this.sizeB = sizeB;
        this.row = row;
        this.w = new DMatrixRMaj(sizeA, sizeB, true, weights.clone());
    }

    public double weight(int i, int j) {
        return w.data[i * sizeB + j];
    }

    public void add(int i, int j, double delta) {
        w.data[i * sizeB + j] += delta;
    }

    /** The drive end B feels: (Wᵀ ρ_A), sizeB rows. */
    public double[] driveToB(double[] rhoA) {
        if (sizeA == 1 && sizeB == 1) return scaled(rhoA);
        DMatrixRMaj out = new DMatrixRMaj(sizeB, row);
        CommonOps_DDRM.multTransA(w, DMatrixRMaj.wrap(sizeA, row, rhoA), out);
        return out.data;
    }

    /** The drive end A feels: (W ρ_B), sizeA rows. */
    public double[] driveToA(double[] rhoB) {
        if (sizeA == 1 && sizeB == 1) return scaled(rhoB);
        DMatrixRMaj out = new DMatrixRMaj(sizeA, row);
        CommonOps_DDRM.mult(w, DMatrixRMaj.wrap(sizeB, row, rhoB), out);
        return out.data;
    }

    /** One synapse: W·ρ, entry by entry. */
    private double[] scaled(double[] rho) {
        double weight = w.data[0];
        double[] out = new double[rho.length];
        for (int b = 0; b < out.length; b++) out[b] = weight * rho[b];
        return out;
    }
}
