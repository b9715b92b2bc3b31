package io.synaptor.synapses;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The pairwise couplings −W_ij ρ(s_i)ρ(s_j) between a slice A of one population and a slice B of
 * another (DESIGN.md, "Learning rules" and "Granularity"): the field end A feels is W ρ_B, end B
 * feels Wᵀ ρ_A. One symmetric weight per pair serves both directions; a 1 × 1 block is one synapse.
 *
 * <p>Vectors hold the slice's units one after the other, each as a row of {@code row} entries (its
 * minibatch, re/im interleaved for complex states), so a block's drive is one matrix product. A
 * drive is a new array: it becomes a message payload, so it is never reused. The correlations are
 * read at once by the block's rules, so they live in arrays the block keeps.
 */
public final class CouplingBlock {
    private final int sizeA;
    private final int sizeB;
    private final int row;
    private final DMatrixRMaj w;
    // Wᵀ, refreshed after the weights move: W ρ and Wᵀ ρ are then both row-streaming products
    // (EJML's multTransA walks W by columns and was the slowest product of an MNIST epoch).
    private final DMatrixRMaj wt;
    private boolean wtStale = true;
    private DMatrixRMaj corrRe;
    private DMatrixRMaj corrIm;
    private DMatrixRMaj rhoBt;
    private double[] conj;
    private double[] swap;

    /** @param weights sizeA × sizeB, row-major (copied) */
    public CouplingBlock(int sizeA, int sizeB, int row, double[] weights) {
        if (weights.length != sizeA * sizeB) throw new IllegalArgumentException("expected " + sizeA * sizeB + " weights");
        this.sizeA = sizeA;
        this.sizeB = sizeB;
        this.row = row;
        this.w = new DMatrixRMaj(sizeA, sizeB, true, weights.clone());
        this.wt = new DMatrixRMaj(sizeB, sizeA);
    }

    public double weight(int i, int j) {
        return w.data[i * sizeB + j];
    }

    public void add(int i, int j, double delta) {
        w.data[i * sizeB + j] += delta;
        wtStale = true;
    }

    /** The drive end B feels: (Wᵀ ρ_A), sizeB rows. */
    public double[] driveToB(double[] rhoA) {
        if (sizeA == 1 && sizeB == 1) return scaled(rhoA);
        if (wtStale) {
            CommonOps_DDRM.transpose(w, wt);
            wtStale = false;
        }
        DMatrixRMaj out = new DMatrixRMaj(sizeB, row);
        CommonOps_DDRM.mult(wt, DMatrixRMaj.wrap(sizeA, row, rhoA), out);
        return out.data;
    }

    /** The drive end A feels: (W ρ_B), sizeA rows. */
    public double[] driveToA(double[] rhoB) {
        if (sizeA == 1 && sizeB == 1) return scaled(rhoB);
        DMatrixRMaj out = new DMatrixRMaj(sizeA, row);
        CommonOps_DDRM.mult(w, DMatrixRMaj.wrap(sizeB, row, rhoB), out);
        return out.data;
    }

    /**
     * The drive of a block inside one slice (lateral couplings, A = B): (W + Wᵀ)ρ, since each
     * coupling (i, j) is held once, at cell (i, j), and acts on both its ends.
     */
    public double[] driveWithin(double[] rho) {
        if (sizeA != sizeB) throw new IllegalStateException("a block within one slice is square, this is " + sizeA + " × " + sizeB);
        double[] out = driveToA(rho);
        double[] back = driveToB(rho);
        for (int k = 0; k < out.length; k++) out[k] += back[k];
        return out;
    }

    /** One synapse: W·ρ, entry by entry. */
    private double[] scaled(double[] rho) {
        double weight = w.data[0];
        double[] out = new double[rho.length];
        for (int b = 0; b < out.length; b++) out[b] = weight * rho[b];
        return out;
    }

    /**
     * The minibatch means C_ij = (1/B) Σ_b ρ_A[i,b] ρ_B[j,b] for every pair, as one matrix product
     * (sizeA × sizeB, row-major): what the block's learning rules read. For complex rows (re/im
     * interleaved) the real parts are returned and {@link #imaginaryCorrelations()} holds the
     * imaginary parts (zero for real rows). The arrays are the block's own, overwritten by the next call.
     */
    public double[] correlations(double[] rhoA, double[] rhoB, boolean complex) {
        int batch = complex ? row / 2 : row;
        if (corrRe == null) {
            corrRe = new DMatrixRMaj(sizeA, sizeB);
            corrIm = new DMatrixRMaj(sizeA, sizeB);
        }
        DMatrixRMaj a = DMatrixRMaj.wrap(sizeA, row, rhoA);
        if (!complex) {
            // ρ_Bᵀ first, then a row-streaming product: 1.45× EJML's multTransB at 100 × 100 × 100
            if (rhoBt == null) rhoBt = new DMatrixRMaj(row, sizeB);
            CommonOps_DDRM.transpose(DMatrixRMaj.wrap(sizeB, row, rhoB), rhoBt);
            CommonOps_DDRM.mult(1.0 / batch, a, rhoBt, corrRe);
            return corrRe.data;
        }
        if (conj == null) {
            conj = new double[rhoB.length];  // (b_re, −b_im): Σ a·conj pairs gives Σ (a_re b_re − a_im b_im)
            swap = new double[rhoB.length];  // (b_im, b_re): Σ a·swap pairs gives Σ (a_re b_im + a_im b_re)
        }
        for (int k = 0; k < rhoB.length; k += 2) {
            conj[k] = rhoB[k];
            conj[k + 1] = -rhoB[k + 1];
            swap[k] = rhoB[k + 1];
            swap[k + 1] = rhoB[k];
        }
        CommonOps_DDRM.multTransB(1.0 / batch, a, DMatrixRMaj.wrap(sizeB, row, conj), corrRe);
        CommonOps_DDRM.multTransB(1.0 / batch, a, DMatrixRMaj.wrap(sizeB, row, swap), corrIm);
        return corrRe.data;
    }

    /** The imaginary parts of the last {@link #correlations} (all zero after real rows). */
    public double[] imaginaryCorrelations() {
        return corrIm.data;
    }
}
