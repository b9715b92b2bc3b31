package io.synaptor.synapses;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The products of block granularity against EJML's plain ones (an independent implementation), and the
 * promise {@link MatrixProducts} makes for determinism: a product's bits depend on its operands only — also
 * after a dense baseline borrowed OpenBLAS's own threads ({@link MatrixProducts#withLibraryThreads}).
 */
class MatrixProductsTest {
    private static final int[][] SHAPES = {{10, 500, 100}, {100, 100, 100}, {500, 784, 100}, {1, 7, 3}};

    @Test
    void productsAgreeWithEjmlToRoundOff() {
        Random r = new Random(3);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(s[0], s[1], -1, 1, r);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(s[1], s[2], -1, 1, r);
            DMatrixRMaj want = new DMatrixRMaj(s[0], s[2]);
            CommonOps_DDRM.mult(a, b, want);
            DMatrixRMaj got = new DMatrixRMaj(s[0], s[2]);
            MatrixProducts.mult(a, b, got);
            assertClose(a, b, want, got);

            DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
            got.zero();
            MatrixProducts.multTransA(1.0, at, b, got);
            assertClose(a, b, want, got);

            DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
            got.zero();
            MatrixProducts.multTransB(1.0, a, bt, got);
            assertClose(a, b, want, got);
        }
    }

    @Test
    void libraryThreadsLeaveTheOneThreadBitsBehind() {
        Random r = new Random(5);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(500, 784, -1, 1, r);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(784, 100, -1, 1, r);
        DMatrixRMaj before = new DMatrixRMaj(500, 100);
        MatrixProducts.mult(a, b, before);
        DMatrixRMaj threaded = MatrixProducts.withLibraryThreads(2, () -> {
            DMatrixRMaj c = new DMatrixRMaj(500, 100);
            MatrixProducts.mult(a, b, c);
            return c;
        });
        if (MatrixProducts.backend() == MatrixProducts.Backend.JAVA) {
            assertNull(threaded, "no library threads without OpenBLAS");
        } else {
            assertClose(a, b, before, threaded);
        }
        DMatrixRMaj after = new DMatrixRMaj(500, 100);
        MatrixProducts.mult(a, b, after);
        assertArrayEquals(before.data, after.data, "a product after the threaded baseline has the one-thread bits");
    }

    /**
     * Every entry within the two products' forward error bounds: |ĉ − c| ≤ γ_n (|A||B|) for each (Higham,
     * Accuracy and Stability of Numerical Algorithms, §3.5), so the two differ by at most 2γ_n (|A||B|).
     */
    private static void assertClose(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj want, DMatrixRMaj got) {
        assertEquals(want.numRows, got.numRows);
        assertEquals(want.numCols, got.numCols);
        DMatrixRMaj absA = a.copy();
        DMatrixRMaj absB = b.copy();
        CommonOps_DDRM.abs(absA);
        CommonOps_DDRM.abs(absB);
        DMatrixRMaj bound = new DMatrixRMaj(want.numRows, want.numCols);
        CommonOps_DDRM.mult(absA, absB, bound);
        int n = a.numCols;
        double gamma = n * EPS / (1 - n * EPS);
        for (int k = 0; k < want.data.length; k++) {
            double d = Math.abs(want.data[k] - got.data[k]);
            assertTrue(d <= 2 * gamma * bound.data[k], "entry " + k + " differs by " + d + ", bound " + 2 * gamma * bound.data[k]);
        }
    }

    private static final double EPS = Math.ulp(1.0) / 2; // unit round-off
}
