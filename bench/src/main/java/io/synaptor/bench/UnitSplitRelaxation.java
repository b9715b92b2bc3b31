package io.synaptor.bench;

import io.synaptor.network.BatchedRelaxation;
import io.synaptor.network.NetworkSpec;
import io.synaptor.neurons.Activation;
import io.synaptor.synapses.MatrixProducts;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dense relaxation of {@link BatchedRelaxation} parallelised the way the block actors are: each
 * thread owns a contiguous share of every layer's units (all examples) and exchanges its ρ with the
 * others once a step — one barrier a step, a spinning one (the cheapest there is when each thread has a
 * core: no park, no wake-up). It is the best a hand-written program with the actors' data dependencies
 * can do, so {@code bench relax} shows it beside the actors: what the split by units costs on this
 * machine apart from the runtime (the minibatch split needs no exchange at all). Same dynamics, same
 * products split by rows (DESIGN.md, "Granularity"; the dense update of BatchedRelaxation's doc).
 */
final class UnitSplitRelaxation {
    private final NetworkSpec net;
    private final Activation act;
    private final int threads;
    private final int[] sizes;       // units per layer
    private final int[][] cut;       // cut[l][p] … cut[l][p + 1]: thread p's units of layer l
    private final DMatrixRMaj[][] up;   // up[l][p] = W_{l−1,l}ᵀ rows of p's units (l ≥ 1)
    private final DMatrixRMaj[][] down; // down[l][p] = W_{l,l+1} rows of p's units (l + 1 < count)
    private final double[][] bias;   // bias[l][k]

    UnitSplitRelaxation(NetworkSpec net, BatchedRelaxation dense, int threads) {
        this.net = net;
        this.act = net.presented();
        this.threads = threads;
        int count = dense.layerCount();
        sizes = new int[count];
        bias = new double[count][];
        for (int l = 0; l < count; l++) {
            int[] units = dense.layer(l);
            sizes[l] = units.length;
            bias[l] = new double[units.length];
            for (int k = 0; k < units.length; k++) bias[l][k] = net.biases()[units[k]];
        }
        cut = new int[count][threads + 1];
        for (int l = 0; l < count; l++) for (int p = 0; p <= threads; p++) cut[l][p] = p * sizes[l] / threads;
        up = new DMatrixRMaj[count][threads];
        down = new DMatrixRMaj[count][threads];
        for (int l = 1; l < count; l++) {
            DMatrixRMaj wt = CommonOps_DDRM.transpose(dense.weights(l - 1), null);
            DMatrixRMaj w = l + 1 < count ? dense.weights(l) : null;
            for (int p = 0; p < threads; p++) {
                up[l][p] = CommonOps_DDRM.extract(wt, cut[l][p], cut[l][p + 1], 0, sizes[l - 1]);
                if (w != null) down[l][p] = CommonOps_DDRM.extract(w, cut[l][p], cut[l][p + 1], 0, sizes[l + 1]);
            }
        }
    }

    /** Relaxes {@code x[example][input]} for {@code steps} steps on the pool's threads; each layer's final states (units × batch). */
    double[][] relax(ExecutorService pool, double[][] x, int steps) {
        int batch = x.length;
        int count = sizes.length;
        double[][] s = new double[count][];
        double[][][] rho = new double[2][count][]; // ρ of even and odd steps: a step reads the other's
        for (int l = 0; l < count; l++) {
            s[l] = new double[sizes[l] * batch];
            rho[0][l] = new double[sizes[l] * batch];
            rho[1][l] = new double[sizes[l] * batch];
        }
        DMatrixRMaj inputs = new DMatrixRMaj(sizes[0], batch);
        for (int k = 0; k < sizes[0]; k++) for (int b = 0; b < batch; b++) inputs.set(k, b, act.rho(x[b][k]));
        AtomicInteger arrived = new AtomicInteger();
        List<Future<?>> parts = new ArrayList<>();
        for (int p = 0; p < threads; p++) {
            final int part = p;
            parts.add(pool.submit(() -> share(part, s, rho, inputs, batch, steps, arrived)));
        }
        RelaxBenchmark.join(parts, "the unit-split relaxation");
        return s;
    }

    /** Thread p's share of every layer, step by step; one spinning barrier a step (and one after the first ρ). */
    private void share(int p, double[][] s, double[][][] rho, DMatrixRMaj inputs, int batch, int steps, AtomicInteger arrived) {
        int count = sizes.length;
        double dt = net.dt();
        DMatrixRMaj[] field = new DMatrixRMaj[count];
        DMatrixRMaj tmp = new DMatrixRMaj(1, 1);
        for (int l = 1; l < count; l++) field[l] = new DMatrixRMaj(cut[l][p + 1] - cut[l][p], batch);
        DMatrixRMaj fromInputs = new DMatrixRMaj(field[1].numRows, batch);
        MatrixProducts.mult(up[1][p], inputs, fromInputs); // the clamped inputs' drive, once
        int barriers = 0;
        for (int t = 0; t < steps; t++) {
            double[][] now = rho[t & 1];
            for (int l = 1; l < count; l++) {
                for (int i = cut[l][p] * batch; i < cut[l][p + 1] * batch; i++) now[l][i] = act.rho(s[l][i]);
            }
            if (t == 0) await(arrived, ++barriers);
            double[][] late = rho[t == 0 ? 0 : (t - 1) & 1]; // the neighbours' ρ one step late (the first step: the initial one)
            for (int l = 1; l < count; l++) {
                DMatrixRMaj h = field[l];
                if (l == 1) System.arraycopy(fromInputs.data, 0, h.data, 0, h.data.length);
                else MatrixProducts.mult(up[l][p], DMatrixRMaj.wrap(sizes[l - 1], batch, late[l - 1]), h);
                if (l + 1 < count) {
                    tmp.reshape(h.numRows, batch);
                    MatrixProducts.mult(down[l][p], DMatrixRMaj.wrap(sizes[l + 1], batch, late[l + 1]), tmp);
                    CommonOps_DDRM.addEquals(h, tmp);
                }
                double[] sv = s[l];
                double[] rv = now[l];
                double[] hv = h.data;
                int first = cut[l][p];
                for (int k = first; k < cut[l][p + 1]; k++) {
                    double b0 = bias[l][k];
                    for (int b = 0; b < batch; b++) { // BatchedRelaxation's Euler step, entry for entry
                        int i = k * batch + b;
                        sv[i] = BatchedRelaxation.step(act, dt, sv[i], rv[i], hv[(k - first) * batch + b] + b0);
                    }
                }
            }
            await(arrived, ++barriers); // every share's ρ of t is written before any reads it at t + 1
        }
    }

    /** A spinning barrier: the n-th time every thread has arrived. */
    private void await(AtomicInteger arrived, int n) {
        arrived.incrementAndGet();
        while (arrived.get() < n * threads) Thread.onSpinWait();
    }
}
