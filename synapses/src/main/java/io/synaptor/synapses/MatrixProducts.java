package io.synaptor.synapses;

import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Locale;

/**
 * The dense matrix products of block granularity and of the dense baselines (issue 22): native OpenBLAS
 * (dgemm through JavaCPP) where its natives load, EJML's pure-Java products otherwise. Chosen once per JVM by
 * the system property {@code synaptor.blas} = auto (default: OpenBLAS if it loads), openblas (fail if it does
 * not) or java.
 *
 * <p>Determinism: every product runs on the calling thread (OpenBLAS's own threads off, so the actors'
 * threads are the only parallelism) and a given shape on a given CPU always takes the same kernel, so a run's
 * bits do not depend on the number of threads or nodes. They do depend on the backend and on the CPU's kernel
 * (OpenBLAS sums in blocked order with fused multiply-adds; EJML by column): runs compared bit for bit must use
 * one backend on one kind of machine, which {@link #describe()} names.
 */
public final class MatrixProducts {
    /** Where the products run. */
    public enum Backend { OPENBLAS, JAVA }

    private static final Backend BACKEND;
    private static final String WHY;

    static {
        String wanted = System.getProperty("synaptor.blas", "auto").toLowerCase(Locale.ROOT);
        Backend chosen = Backend.JAVA;
        String why = "pure Java (EJML)";
        if (!wanted.equals("java")) {
            try {
                openblas_nolapack.blas_set_num_threads(1); // loads the natives; one thread: the actors are the parallelism
                chosen = Backend.OPENBLAS;
                why = openblas_nolapack.OPENBLAS_VERSION.strip() + " (native, one thread per product)";
            } catch (Throwable e) { // UnsatisfiedLinkError, or a missing platform jar
                if (wanted.equals("openblas")) throw new IllegalStateException("synaptor.blas=openblas, but OpenBLAS did not load: " + e.getMessage(), e);
                why = "pure Java (EJML): OpenBLAS did not load here (" + e.getClass().getSimpleName() + ")";
            }
        }
        BACKEND = chosen;
        WHY = why;
    }

    private MatrixProducts() {
    }

    public static Backend backend() {
        return BACKEND;
    }

    /** The backend in one phrase, for benchmarks and run logs. */
    public static String describe() {
        return WHY;
    }

    /**
     * Runs {@code work} with OpenBLAS splitting each product over {@code threads} threads of its own, then
     * back to one: for a dense baseline only (a product's bits may then depend on the thread count). Null
     * when the products are not OpenBLAS's.
     */
    public static <T> T withLibraryThreads(int threads, java.util.function.Supplier<T> work) {
        if (BACKEND != Backend.OPENBLAS) return null;
        openblas_nolapack.blas_set_num_threads(threads);
        try {
            return work.get();
        } finally {
            openblas_nolapack.blas_set_num_threads(1);
        }
    }

    /** c = a·b. */
    public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        mult(1.0, a, b, c);
    }

    /** c = α·a·b. */
    public static void mult(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (BACKEND == Backend.JAVA) CommonOps_DDRM.mult(alpha, a, b, c);
        else dgemm(false, false, alpha, a, b, 0.0, c);
    }

    /** c = α·a·bᵀ. */
    public static void multTransB(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (BACKEND == Backend.JAVA) CommonOps_DDRM.multTransB(alpha, a, b, c);
        else dgemm(false, true, alpha, a, b, 0.0, c);
    }

    /** c = c + α·a·bᵀ. */
    public static void multAddTransB(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (BACKEND == Backend.JAVA) CommonOps_DDRM.multAddTransB(alpha, a, b, c);
        else dgemm(false, true, alpha, a, b, 1.0, c);
    }

    /** c = α·aᵀ·b. */
    public static void multTransA(double alpha, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (BACKEND == Backend.JAVA) CommonOps_DDRM.multTransA(alpha, a, b, c);
        else dgemm(true, false, alpha, a, b, 0.0, c);
    }

    /** c = α·op(a)·op(b) + β·c by OpenBLAS, row-major, op = transpose where asked; the shapes checked as EJML would. */
    private static void dgemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (k != kb || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("matrix product of " + m + "×" + k + " and " + kb + "×" + n + " into " + c.numRows + "×" + c.numCols);
        }
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha,
                a.data, Math.max(1, a.numCols), b.data, Math.max(1, b.numCols), beta, c.data, Math.max(1, c.numCols));
    }
}
