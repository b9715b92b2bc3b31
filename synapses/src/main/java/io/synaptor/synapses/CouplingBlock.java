package io.synaptor.synapses;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The pairwise couplings −W_ij ρ(s_i)ρ(s_j) between a slice A of one population and a slice B of
 * another (DESIGN.md, "Learning rules" and "Granularity"): the field end A feels is W ρ_B, end B
 * feels Wᵀ ρ_A. One symmetric weight per pair serves both directions; a 1 × 1 block is one synapse.
 * Inside one slice (lateral couplings, A = B) each pair is held once and the slice feels (W + Wᵀ)ρ.
 *
 * <p>The block's weights are its cells: cell k is the coupling between unit {@code cellA[k]} of A
 * and unit {@code cellB[k]} of B; weights, learning rules and correlations are indexed by cell,
 * so a block costs O(couplings) memory, not O(|A|·|B|). A block whose couplings fill at least a
 * quarter of |A|·|B| is held dense, its drives EJML matrix products; a sparser one by rows (CSR),
 * its drives O(couplings · row) — a sparse random network (bench langevin: 1% of the pairs) would
 * otherwise spend its time multiplying zeros. Both sum each drive's terms in the same order (by
 * column), so the products agree to the bit.
 *
 * <p>Vectors hold the slice's units one after the other, each as a row of {@code row} entries (its
 * minibatch, re/im interleaved for complex states). A drive is a new array: it becomes a message
 * payload, so it is never reused. The correlations are read at once by the block's rules, so they
 * live in arrays the block keeps.
 */
public final class CouplingBlock {
    private final int sizeA;
    private final int sizeB;
    private final int row;
    private final int[] cellA;
    private final int[] cellB;
    // dense: W, and each cell's place in it (null: the cells are W row-major, every place filled)
    private final DMatrixRMaj w;
    private final int[] place;
    // Wᵀ, refreshed after the weights move (EJML only): W ρ and Wᵀ ρ are then both row-streaming products
    // (EJML's multTransA walks W by columns and was the slowest product of an MNIST epoch).
    private final DMatrixRMaj wt;
    private boolean wtStale = true;
    // sparse: row i's entries are [rowStart[i], rowStart[i + 1]), columns ascending; entry[k] is cell k's
    private final int[] rowStart;
    private final int[] column;
    private final double[] value;
    private final int[] entry;
    private DMatrixRMaj corrRe;
    private DMatrixRMaj corrIm;
    private double[] cellRe;
    private double[] cellIm;
    private DMatrixRMaj rhoBt;
    private double[] conj;
    private double[] swap;
    private DMatrixRMaj bothA;  // [ρ_A² | ρ_A¹] and [ρ_B² | −ρ_B¹] (addDifference)
    private DMatrixRMaj bothB;

    /** Every cell of an A × B block a coupling, cell k = (k / sizeB, k % sizeB). @param weights row-major (copied) */
    public CouplingBlock(int sizeA, int sizeB, int row, double[] weights) {
        this(sizeA, sizeB, row, grid(sizeA, sizeB, true), grid(sizeA, sizeB, false), weights);
    }

    private static int[] grid(int sizeA, int sizeB, boolean ofA) {
        int[] out = new int[sizeA * sizeB];
        for (int k = 0; k < out.length; k++) out[k] = ofA ? k / sizeB : k % sizeB;
        return out;
    }

    /**
     * @param cellA   each cell's unit in A (distinct cells; the arrays are kept)
     * @param cellB   … and in B
     * @param weights each cell's weight (copied)
     */
    public CouplingBlock(int sizeA, int sizeB, int row, int[] cellA, int[] cellB, double[] weights) {
        int m = weights.length;
        if (cellA.length != m || cellB.length != m || m == 0) throw new IllegalArgumentException("one unit at each end per cell, and at least one cell");
        this.sizeA = sizeA;
        this.sizeB = sizeB;
        this.row = row;
        this.cellA = cellA;
        this.cellB = cellB;
        if (4L * m >= (long) sizeA * sizeB) {
            w = new DMatrixRMaj(sizeA, sizeB);
            wt = new DMatrixRMaj(sizeB, sizeA);
            boolean identity = m == sizeA * sizeB;
            int[] at = new int[m];
            for (int k = 0; k < m; k++) {
                at[k] = cellA[k] * sizeB + cellB[k];
                w.data[at[k]] = weights[k];
                identity &= at[k] == k;
            }
            place = identity ? null : at;
            rowStart = column = entry = null;
            value = null;
            return;
        }
        w = wt = null;
        place = null;
        rowStart = new int[sizeA + 1];
        for (int k = 0; k < m; k++) rowStart[cellA[k] + 1]++;
        for (int i = 0; i < sizeA; i++) rowStart[i + 1] += rowStart[i];
        Integer[] byPlace = new Integer[m];
        for (int k = 0; k < m; k++) byPlace[k] = k;
        java.util.Arrays.sort(byPlace, java.util.Comparator.comparingLong(k -> (long) cellA[k] * sizeB + cellB[k]));
        column = new int[m];
        value = new double[m];
        entry = new int[m];
        for (int e = 0; e < m; e++) {
            int k = byPlace[e];
            column[e] = cellB[k];
            value[e] = weights[k];
            entry[k] = e;
        }
    }

    public int cells() {
        return cellA.length;
    }

    /** Cell k's unit in A, and {@link #cellB} in B. */
    public int cellA(int k) {
        return cellA[k];
    }

    public int cellB(int k) {
        return cellB[k];
    }

    public double weight(int cell) {
        return w == null ? value[entry[cell]] : w.data[place == null ? cell : place[cell]];
    }

    public void add(int cell, double delta) {
        if (w == null) {
            value[entry[cell]] += delta;
            return;
        }
        w.data[place == null ? cell : place[cell]] += delta;
        wtStale = true;
    }

    /**
     * Adds delta[k] to every cell's weight (a whole block's update in one pass: no call per cell); returns the
     * first cell whose weight is no longer finite, or −1. A zero delta leaves its weight as it was.
     */
    public int addAll(double[] delta) {
        if (w == null) {
            for (int k = 0; k < delta.length; k++) value[entry[k]] += delta[k];
        } else if (place == null) {
            double[] data = w.data;
            for (int k = 0; k < delta.length; k++) data[k] += delta[k];
            wtStale = true;
        } else {
            double[] data = w.data;
            for (int k = 0; k < delta.length; k++) data[place[k]] += delta[k];
            wtStale = true;
        }
        boolean finite = true;
        for (int k = 0; k < delta.length; k++) finite &= Math.abs(weight(k)) <= Double.MAX_VALUE;
        if (finite) return -1;
        for (int k = 0; k < delta.length; k++) if (!Double.isFinite(weight(k))) return k;
        return -1;
    }

    /** Whether the cells are all of W, row-major: a dense block without gaps (what {@link #addDifference} needs). */
    public boolean fullDense() {
        return w != null && place == null;
    }

    /**
     * W += (g/B)·(ρ_A² ρ_B²ᵀ − ρ_A¹ ρ_B¹ᵀ) for real rows of a {@link #fullDense} block — g times the difference of two
     * samples' minibatch correlations — as one product, [ρ_A² | ρ_A¹]·[ρ_B² | −ρ_B¹]ᵀ added into W
     * ({@link SampleDifference}); returns the first cell whose weight is no longer finite, or −1.
     */
    public int addDifference(double gain, double[] a2, double[] b2, double[] a1, double[] b1) {
        if (!fullDense()) throw new IllegalStateException("addDifference needs a full dense block");
        if (bothA == null) {
            bothA = new DMatrixRMaj(sizeA, 2 * row);
            bothB = new DMatrixRMaj(sizeB, 2 * row);
        }
        for (int i = 0; i < sizeA; i++) {
            System.arraycopy(a2, i * row, bothA.data, 2 * i * row, row);
            System.arraycopy(a1, i * row, bothA.data, (2 * i + 1) * row, row);
        }
        double[] b = bothB.data;
        for (int j = 0; j < sizeB; j++) {
            System.arraycopy(b2, j * row, b, 2 * j * row, row);
            for (int x = 0; x < row; x++) b[(2 * j + 1) * row + x] = -b1[j * row + x];
        }
        MatrixProducts.multAddTransB(gain / row, bothA, bothB, w);
        wtStale = true;
        double[] data = w.data;
        boolean finite = true;
        for (double v : data) finite &= Math.abs(v) <= Double.MAX_VALUE;
        if (finite) return -1;
        for (int k = 0; k < data.length; k++) if (!Double.isFinite(data[k])) return k;
        return -1;
    }

    /** The minibatch mean (1/B) Σ_b ρ_A[a, b]·ρ_B[b', b] of one pair of real rows. */
    public double meanProduct(double[] rhoA, int a, double[] rhoB, int b) {
        double sum = 0.0;
        for (int x = 0; x < row; x++) sum += rhoA[a * row + x] * rhoB[b * row + x];
        return sum / row;
    }

    /** The drive end B feels: (Wᵀ ρ_A), sizeB rows. */
    public double[] driveToB(double[] rhoA) {
        if (w == null) {
            double[] out = new double[sizeB * row];
            sparse(rhoA, null, null, out);
            return out;
        }
        if (sizeA == 1 && sizeB == 1) return scaled(rhoA);
        DMatrixRMaj out = new DMatrixRMaj(sizeB, row);
        if (MatrixProducts.backend() == MatrixProducts.Backend.OPENBLAS) { // dgemm reads W transposed in place: no copy of Wᵀ to refresh
            MatrixProducts.multTransA(1.0, w, DMatrixRMaj.wrap(sizeA, row, rhoA), out);
            return out.data;
        }
        if (wtStale) {
            CommonOps_DDRM.transpose(w, wt);
            wtStale = false;
        }
        MatrixProducts.mult(wt, DMatrixRMaj.wrap(sizeA, row, rhoA), out);
        return out.data;
    }

    /** The drive end A feels: (W ρ_B), sizeA rows. */
    public double[] driveToA(double[] rhoB) {
        if (w == null) {
            double[] out = new double[sizeA * row];
            sparse(null, rhoB, out, null);
            return out;
        }
        if (sizeA == 1 && sizeB == 1) return scaled(rhoB);
        DMatrixRMaj out = new DMatrixRMaj(sizeA, row);
        MatrixProducts.mult(w, DMatrixRMaj.wrap(sizeB, row, rhoB), out);
        return out.data;
    }

    /**
     * Both drives at once, {W ρ_B, Wᵀ ρ_A}: the same values as {@link #driveToA} and {@link #driveToB};
     * a sparse block reads its couplings once for both (memory traffic is what bounds it).
     */
    public double[][] drives(double[] rhoA, double[] rhoB) {
        if (w != null) return new double[][]{driveToA(rhoB), driveToB(rhoA)};
        double[] toA = new double[sizeA * row];
        double[] toB = new double[sizeB * row];
        sparse(rhoA, rhoB, toA, toB);
        return new double[][]{toA, toB};
    }

    /** The drive of a block inside one slice (A = B): (W + Wᵀ)ρ, since each pair is held once and acts on both its ends. */
    public double[] driveWithin(double[] rho) {
        if (sizeA != sizeB) throw new IllegalStateException("a block within one slice is square, this is " + sizeA + " × " + sizeB);
        if (w == null) {
            double[] out = new double[sizeA * row];
            sparse(rho, rho, out, out);
            return out;
        }
        double[] out = driveToA(rho);
        double[] back = driveToB(rho);
        for (int k = 0; k < out.length; k++) out[k] += back[k];
        return out;
    }

    /**
     * Sparse, one pass over the couplings: adds W ρ_B into {@code toA} and Wᵀ ρ_A into {@code toB}
     * (either may be null: not wanted). A lateral block passes the same ρ and the same output twice,
     * which is its (W + Wᵀ)ρ.
     */
    private void sparse(double[] rhoA, double[] rhoB, double[] toA, double[] toB) {
        if (row == 1) {
            sparseVector(rhoA, rhoB, toA, toB);
            return;
        }
        for (int i = 0; i < sizeA; i++) {
            int oi = i * row;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                double v = value[k];
                int oj = column[k] * row;
                for (int r = 0; r < row; r++) {
                    if (toA != null) toA[oi + r] += v * rhoB[oj + r];
                    if (toB != null) toB[oj + r] += v * rhoA[oi + r];
                }
            }
        }
    }

    /** {@link #sparse} for one entry per unit (no minibatch): the hot loop of a sparse network, a loop per case. */
    private void sparseVector(double[] rhoA, double[] rhoB, double[] toA, double[] toB) {
        if (toA != null && toB != null) {
            for (int i = 0; i < sizeA; i++) {
                double sum = 0.0;
                double ri = rhoA[i];
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    double v = value[k];
                    int j = column[k];
                    sum += v * rhoB[j];
                    toB[j] += v * ri;
                }
                toA[i] += sum; // after the row's own scatter: in a lateral block a coupling (i, i) counts twice, as (W + Wᵀ) says
            }
        } else if (toA != null) {
            for (int i = 0; i < sizeA; i++) {
                double sum = 0.0;
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) sum += value[k] * rhoB[column[k]];
                toA[i] = sum;
            }
        } else {
            for (int i = 0; i < sizeA; i++) {
                double ri = rhoA[i];
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) toB[column[k]] += value[k] * ri;
            }
        }
    }

    /** One synapse: W·ρ, entry by entry. */
    private double[] scaled(double[] rho) {
        double weight = w.data[0];
        double[] out = new double[rho.length];
        for (int b = 0; b < out.length; b++) out[b] = weight * rho[b];
        return out;
    }

    /**
     * The minibatch means C_k = (1/B) Σ_b ρ_A[cellA[k], b] ρ_B[cellB[k], b] of every cell: what the
     * block's learning rules read. Dense, one matrix product for all pairs; sparse, one sum per cell.
     * For complex rows (re/im interleaved) the real parts are returned and
     * {@link #imaginaryCorrelations()} holds the imaginary parts (zero for real rows). The arrays
     * are the block's own, overwritten by the next call.
     */
    public double[] correlations(double[] rhoA, double[] rhoB, boolean complex) {
        if (cellRe == null) {
            cellRe = new double[cells()];
            cellIm = new double[cells()];
        }
        if (w == null) {
            int batch = complex ? row / 2 : row;
            for (int k = 0; k < cellRe.length; k++) {
                if (complex) {
                    int a = cellA[k] * row;
                    int b = cellB[k] * row;
                    double re = 0.0;
                    double im = 0.0;
                    for (int x = 0; x < row; x += 2) {
                        re += rhoA[a + x] * rhoB[b + x] - rhoA[a + x + 1] * rhoB[b + x + 1];
                        im += rhoA[a + x] * rhoB[b + x + 1] + rhoA[a + x + 1] * rhoB[b + x];
                    }
                    cellRe[k] = re / batch;
                    cellIm[k] = im / batch;
                } else {
                    cellRe[k] = meanProduct(rhoA, cellA[k], rhoB, cellB[k]);
                    cellIm[k] = 0.0;
                }
            }
            return cellRe;
        }
        denseCorrelations(rhoA, rhoB, complex);
        if (place == null) {
            cellIm = corrIm.data;
            return corrRe.data;
        }
        for (int k = 0; k < cellRe.length; k++) {
            cellRe[k] = corrRe.data[place[k]];
            cellIm[k] = corrIm.data[place[k]];
        }
        return cellRe;
    }

    /** The minibatch means of all sizeA × sizeB pairs (row-major), into corrRe and corrIm. */
    private void denseCorrelations(double[] rhoA, double[] rhoB, boolean complex) {
        int batch = complex ? row / 2 : row;
        if (corrRe == null) {
            corrRe = new DMatrixRMaj(sizeA, sizeB);
            corrIm = new DMatrixRMaj(sizeA, sizeB);
        }
        DMatrixRMaj a = DMatrixRMaj.wrap(sizeA, row, rhoA);
        if (!complex && MatrixProducts.backend() == MatrixProducts.Backend.OPENBLAS) {
            MatrixProducts.multTransB(1.0 / batch, a, DMatrixRMaj.wrap(sizeB, row, rhoB), corrRe);
            return;
        }
        if (!complex) {
            // ρ_Bᵀ first, then a row-streaming product: 1.45× EJML's multTransB at 100 × 100 × 100
            if (rhoBt == null) rhoBt = new DMatrixRMaj(row, sizeB);
            CommonOps_DDRM.transpose(DMatrixRMaj.wrap(sizeB, row, rhoB), rhoBt);
            CommonOps_DDRM.mult(1.0 / batch, a, rhoBt, corrRe);
            return;
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
        MatrixProducts.multTransB(1.0 / batch, a, DMatrixRMaj.wrap(sizeB, row, conj), corrRe);
        MatrixProducts.multTransB(1.0 / batch, a, DMatrixRMaj.wrap(sizeB, row, swap), corrIm);
    }

    /** The imaginary parts of the last {@link #correlations}, per cell (all zero after real rows). */
    public double[] imaginaryCorrelations() {
        return cellIm;
    }
}
