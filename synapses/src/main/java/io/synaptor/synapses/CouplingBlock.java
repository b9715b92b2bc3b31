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
 *
 * <p>A block whose couplings fill under a quarter of its cells ({@link #of}) holds them sparse, by
 * rows (CSR), and its drives cost O(couplings · row), not O(|A|·|B|·row): a sparse random
 * network (bench langevin: 1% of the pairs) would otherwise spend its time multiplying zeros.
 */
public final class CouplingBlock {
    private final int sizeA;
    private final int sizeB;
    private final int row;
    private final DMatrixRMaj w;  // dense storage, or null when sparse
    private final int[] rowStart; // sparse: row i's couplings are [rowStart[i], rowStart[i + 1]), columns ascending
    private final int[] column;
    private final double[] value;
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
        this.rowStart = null;
        this.column = null;
        this.value = null;
    }

    private CouplingBlock(int sizeA, int sizeB, int row, double[] weights, boolean[] present, int count) {
        this.sizeA = sizeA;
        this.sizeB = sizeB;
        this.row = row;
        this.w = null;
        this.wt = null;
        this.rowStart = new int[sizeA + 1];
        this.column = new int[count];
        this.value = new double[count];
        int k = 0;
        for (int i = 0; i < sizeA; i++) {
            rowStart[i] = k;
            for (int j = 0; j < sizeB; j++) {
                if (!present[i * sizeB + j]) continue;
                column[k] = j;
                value[k++] = weights[i * sizeB + j];
            }
        }
        rowStart[sizeA] = k;
    }

    /**
     * A block whose cell k holds a coupling where {@code present[k]} (its weight may be zero and
     * learn): sparse if they fill under a quarter of the cells, else dense (the same drives to round-off).
     */
    public static CouplingBlock of(int sizeA, int sizeB, int row, double[] weights, boolean[] present) {
        int count = 0;
        for (boolean p : present) if (p) count++;
        if (sizeA * sizeB > 1 && 4L * count < (long) sizeA * sizeB) return new CouplingBlock(sizeA, sizeB, row, weights, present, count);
        return new CouplingBlock(sizeA, sizeB, row, weights);
    }

    public double weight(int i, int j) {
        if (w != null) return w.data[i * sizeB + j];
        int k = find(i, j);
        return k < 0 ? 0.0 : value[k];
    }

    public void add(int i, int j, double delta) {
        if (w == null) {
            int k = find(i, j);
            if (k < 0) throw new IllegalArgumentException("cell (" + i + ", " + j + ") holds no coupling");
            value[k] += delta;
            return;
        }
        w.data[i * sizeB + j] += delta;
        wtStale = true;
    }

    /** Sparse: the entry of cell (i, j), or −1. */
    private int find(int i, int j) {
        int k = java.util.Arrays.binarySearch(column, rowStart[i], rowStart[i + 1], j);
        return k >= rowStart[i] ? k : -1;
    }

    /** The drive end B feels: (Wᵀ ρ_A), sizeB rows. */
    public double[] driveToB(double[] rhoA) {
        if (w == null) return sparse(rhoA, new double[sizeB * row], false, true);
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
        if (w == null) return sparse(rhoB, new double[sizeA * row], true, false);
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
        if (w == null) return sparse(rho, new double[sizeA * row], true, true);
        double[] out = driveToA(rho);
        double[] back = driveToB(rho);
        for (int k = 0; k < out.length; k++) out[k] += back[k];
        return out;
    }

    /**
     * Sparse: adds W·ρ (toA, ρ of end B) and/or Wᵀ·ρ (toB, ρ of end A) into {@code out}, one pass
     * over the couplings; both at once is a lateral block's (W + Wᵀ)ρ.
     */
    private double[] sparse(double[] rho, double[] out, boolean toA, boolean toB) {
        if (row == 1) return sparseVector(rho, out, toA, toB);
        for (int i = 0; i < sizeA; i++) {
            int oi = i * row;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                double v = value[k];
                int oj = column[k] * row;
                for (int r = 0; r < row; r++) {
                    if (toA) out[oi + r] += v * rho[oj + r];
                    if (toB) out[oj + r] += v * rho[oi + r];
                }
            }
        }
        return out;
    }

    /** {@link #sparse} for one entry per unit (no minibatch): the hot loop of a sparse network, a loop per case. */
    private double[] sparseVector(double[] rho, double[] out, boolean toA, boolean toB) {
        if (toA && toB) {
            for (int i = 0; i < sizeA; i++) {
                double sum = 0.0;
                double ri = rho[i];
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    double v = value[k];
                    int j = column[k];
                    sum += v * rho[j];
                    out[j] += v * ri;
                }
                out[i] += sum; // after the row's own scatter: a coupling (i, i) counts twice, as (W + Wᵀ) says
            }
        } else if (toA) {
            for (int i = 0; i < sizeA; i++) {
                double sum = 0.0;
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) sum += value[k] * rho[column[k]];
                out[i] = sum;
            }
        } else {
            for (int i = 0; i < sizeA; i++) {
                double ri = rho[i];
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) out[column[k]] += value[k] * ri;
            }
        }
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
