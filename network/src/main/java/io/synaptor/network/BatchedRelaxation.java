package io.synaptor.network;

import io.synaptor.neurons.Activation;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Arrays;

/**
 * The free relaxation of a layered net computed the plain way — one thread, whole layers as EJML
 * matrices (units × minibatch), all layers updated together from the previous step's states:
 * s_l ← s_l − dt [s_l − ρ'(s_l) ⊙ (W_{l−1,l}ᵀ ρ_{l−1} + W_{l,l+1} ρ_{l+1} + b_l)], the neighbours' ρ
 * taken one step late (from the initial state at the first step) — exactly what the actors compute
 * with a link delay of one step, so it is the synchronous baseline the block granularity is timed
 * and checked against (issue 5, {@code bench relax}).
 */
public final class BatchedRelaxation {
    private final NetworkSpec net;
    private final Activation act;
    private final int[][] layers;
    private final DMatrixRMaj[] w; // w[l]: layer l × layer l + 1
    private final DMatrixRMaj[] wt; // wt[l] = w[l]ᵀ

    public BatchedRelaxation(NetworkSpec net) {
        this.net = net;
        this.act = net.presented();
        int count = Arrays.stream(net.layerOf()).max().orElse(-1) + 1;
        if (count < 2 || Arrays.stream(net.layerOf()).anyMatch(l -> l < 0)) throw new IllegalArgumentException("a layered net is needed");
        layers = new int[count][];
        int[] position = new int[net.size()];
        for (int l = 0; l < count; l++) {
            final int layer = l;
            layers[l] = java.util.stream.IntStream.range(0, net.size()).filter(u -> net.layerOf()[u] == layer).toArray();
            for (int k = 0; k < layers[l].length; k++) position[layers[l][k]] = k;
        }
        w = new DMatrixRMaj[count - 1];
        for (int l = 0; l + 1 < count; l++) w[l] = new DMatrixRMaj(layers[l].length, layers[l + 1].length);
        for (Coupling c : net.couplings()) {
            int li = net.layerOf()[c.i()];
            int lj = net.layerOf()[c.j()];
            if (lj == li + 1) w[li].set(position[c.i()], position[c.j()], c.weight());
            else if (li == lj + 1) w[lj].set(position[c.j()], position[c.i()], c.weight());
            else throw new IllegalArgumentException("coupling " + c + " skips a layer");
        }
        // Wᵀ kept beside W, as the blocks keep it: both directions are then row-streaming products.
        wt = new DMatrixRMaj[count - 1];
        for (int l = 0; l + 1 < count; l++) wt[l] = CommonOps_DDRM.transpose(w[l], null);
    }

    /**
     * Relaxes from rest for {@code steps} steps with the inputs clamped; returns each layer's final
     * states (units × minibatch, row-major). {@code x[example][input]}.
     */
    public double[][] relax(double[][] x, int steps) {
        int batch = x.length;
        int count = layers.length;
        DMatrixRMaj[] s = new DMatrixRMaj[count];
        DMatrixRMaj[] rho = new DMatrixRMaj[count];  // ρ one step late: what the fields use
        DMatrixRMaj[] now = new DMatrixRMaj[count];
        DMatrixRMaj[] h = new DMatrixRMaj[count];
        for (int l = 0; l < count; l++) {
            s[l] = new DMatrixRMaj(layers[l].length, batch);
            rho[l] = new DMatrixRMaj(layers[l].length, batch);
            now[l] = new DMatrixRMaj(layers[l].length, batch);
            h[l] = new DMatrixRMaj(layers[l].length, batch);
        }
        for (int k = 0; k < layers[0].length; k++) for (int b = 0; b < batch; b++) s[0].set(k, b, x[b][k]);
        DMatrixRMaj tmp = new DMatrixRMaj(1, 1);
        double dt = net.dt();
        // The inputs are clamped: their drive on the first hidden layer is computed once, as the actors do.
        DMatrixRMaj fromInputs = new DMatrixRMaj(layers[1].length, batch);
        DMatrixRMaj rhoInputs = new DMatrixRMaj(layers[0].length, batch);
        for (int i = 0; i < rhoInputs.data.length; i++) rhoInputs.data[i] = act.rho(s[0].data[i]);
        io.synaptor.synapses.MatrixProducts.mult(wt[0], rhoInputs, fromInputs);
        for (int t = 0; t < steps; t++) {
            for (int l = 1; l < count; l++) {
                double[] sv = s[l].data;
                double[] rv = now[l].data;
                for (int i = 0; i < sv.length; i++) rv[i] = act.rho(sv[i]);
                if (t == 0) System.arraycopy(rv, 0, rho[l].data, 0, rv.length);
            }
            for (int l = 1; l < count; l++) {
                if (l == 1) System.arraycopy(fromInputs.data, 0, h[1].data, 0, h[1].data.length);
                else io.synaptor.synapses.MatrixProducts.mult(wt[l - 1], rho[l - 1], h[l]);
                if (l + 1 < count) {
                    tmp.reshape(layers[l].length, batch);
                    io.synaptor.synapses.MatrixProducts.mult(w[l], rho[l + 1], tmp);
                    CommonOps_DDRM.addEquals(h[l], tmp);
                }
            }
            for (int l = 1; l < count; l++) {
                double[] sv = s[l].data;
                double[] rv = now[l].data; // ρ(s) of this step: ρ' from it, one exponential fewer, as the units do
                double[] hv = h[l].data;
                for (int k = 0; k < layers[l].length; k++) {
                    double bias = net.biases()[layers[l][k]];
                    for (int b = 0; b < batch; b++) {
                        int i = k * batch + b;
                        sv[i] = step(act, dt, sv[i], rv[i], hv[i] + bias);
                    }
                }
            }
            DMatrixRMaj[] swap = rho; // this step's ρ is what the next step's fields see
            rho = now;
            now = swap;
        }
        double[][] out = new double[count][];
        for (int l = 0; l < count; l++) out[l] = s[l].data;
        return out;
    }

    /** One Euler step of a unit with U = s²/2 under field h (bias included), ρ(s) given: s − dt·(s − ρ'(s)·h), clipped. */
    public static double step(Activation act, double dt, double s, double rho, double h) {
        return act.clip(s - dt * (s - act.rhoPrime(s, rho) * h));
    }

    /** W between layer l and l + 1 (layer l × layer l + 1), a copy: for baselines that split the same products differently. */
    public DMatrixRMaj weights(int l) {
        return w[l].copy();
    }

    /** How many layers the net has, inputs included. */
    public int layerCount() {
        return layers.length;
    }

    /** The units of layer l, in order. */
    public int[] layer(int l) {
        return layers[l].clone();
    }
}
