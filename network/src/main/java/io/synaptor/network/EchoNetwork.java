package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.Identity;
import io.synaptor.neurons.Leapfrog;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Hamiltonian network of second-order units for sequences (seed 002; REFERENCES.md, "Hamiltonian
 * echo learning"; docs/scenarios.md#echo-check): unit i has position y_i and momentum z_i,
 * H = ½‖z‖² + V(y, θ, u_t), integrated by {@link Leapfrog}, with
 *
 * <pre>  V = Σ_i [½α_i y_i² − b_i φ(y_i)] + Σ_c V_c(y_i, y_j) − Σ_l B_l u_{k_l}(t) φ(y_{i_l})</pre>
 *
 * where a coupling c is {@link Kind#PAIRWISE} (V_c = −W_c φ(y_i)φ(y_j), the existing kind) or a
 * {@link Kind#SPRING} (V_c = ½W_c (y_i − y_j)², φ the identity: two masses on a spring), and input link l
 * feeds channel k_l of the sequence u_t to unit i_l. Output units carry a loss on their positions
 * ({@link Sequences}). The parameters θ = (W, B, b, α) are {@link Parameters}; which of them learn
 * ({@link Group}) is part of the structure.
 *
 * @param units          the units
 * @param inputs         the input channels
 * @param phi            what a unit presents through its couplings (tanh, or {@link Identity#LINEAR})
 * @param kind           the couplings' kind, one for the network
 * @param pairs          coupling c joins units pairs[c][0] and pairs[c][1]
 * @param inputLinks     link l feeds channel inputLinks[l][0] to unit inputLinks[l][1]
 * @param outputs        output o is unit outputs[o]
 * @param leapfrog       the step and the damping
 * @param learning       the groups of parameters that learn
 */
public record EchoNetwork(int units, int inputs, Activation phi, Kind kind, int[][] pairs, int[][] inputLinks, int[] outputs,
                          Leapfrog leapfrog, java.util.Set<Group> learning) {

    /** The couplings' energy. */
    public enum Kind {
        /** V_c = −W φ(y_i)φ(y_j). */
        PAIRWISE,
        /** V_c = ½W (y_i − y_j)², φ the identity. */
        SPRING
    }

    /** The groups of θ, in {@link Parameters#flat()}'s order. */
    public enum Group {
        COUPLINGS, INPUTS, BIASES, STIFFNESSES
    }

    /** What a net of neurons learns: W, B and b, with α a fixed property of the units. */
    public static final java.util.Set<Group> WEIGHTS_AND_BIASES = java.util.EnumSet.of(Group.COUPLINGS, Group.INPUTS, Group.BIASES);

    public EchoNetwork {
        learning = java.util.Set.copyOf(learning);
        if (units < 1) throw new IllegalArgumentException("a network needs a unit, got " + units);
        if (kind == Kind.SPRING && !(phi instanceof Identity)) {
            throw new IllegalArgumentException("springs couple positions: the activation must be linear, not " + phi.name());
        }
        for (int[] p : pairs) {
            if (p[0] == p[1] || p[0] < 0 || p[1] < 0 || p[0] >= units || p[1] >= units) {
                throw new IllegalArgumentException("a coupling joins two distinct units of 0 … " + (units - 1) + ", not " + Arrays.toString(p));
            }
        }
        for (int[] l : inputLinks) {
            if (l[0] < 0 || l[0] >= inputs || l[1] < 0 || l[1] >= units) {
                throw new IllegalArgumentException("an input link joins a channel of 0 … " + (inputs - 1) + " to a unit, not " + Arrays.toString(l));
            }
        }
        for (int o : outputs) if (o < 0 || o >= units) throw new IllegalArgumentException("output unit " + o + " is not in the network");
    }

    /** The parameters θ: couplings' W, input links' B, biases b, stiffnesses α (copies on the way in and out). */
    public record Parameters(double[] w, double[] in, double[] bias, double[] stiffness) {
        public Parameters copy() {
            return new Parameters(w.clone(), in.clone(), bias.clone(), stiffness.clone());
        }

        /** Zeros of the same shape (a gradient). */
        public Parameters zeros() {
            return new Parameters(new double[w.length], new double[in.length], new double[bias.length], new double[stiffness.length]);
        }

        /** All entries in one vector: W, then B, then b, then α. */
        public double[] flat() {
            double[] out = new double[w.length + in.length + bias.length + stiffness.length];
            int at = 0;
            for (double[] a : new double[][]{w, in, bias, stiffness}) {
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return out;
        }

        /** Entry k of {@link #flat()}'s order, as an array and an index (for finite differences). */
        public void add(int k, double delta) {
            for (double[] a : new double[][]{w, in, bias, stiffness}) {
                if (k < a.length) {
                    a[k] += delta;
                    return;
                }
                k -= a.length;
            }
            throw new IndexOutOfBoundsException("no parameter " + k);
        }

        /** Every entry finite. */
        public boolean isFinite() {
            for (double v : flat()) if (!Double.isFinite(v)) return false;
            return true;
        }
    }

    /** The entries of {@link Parameters#flat()} that learn. */
    public boolean[] learns(Parameters p) {
        boolean[] out = new boolean[p.flat().length];
        int[] sizes = {p.w().length, p.in().length, p.bias().length, p.stiffness().length};
        int at = 0;
        for (Group g : Group.values()) for (int k = 0; k < sizes[g.ordinal()]; k++) out[at++] = learning.contains(g);
        return out;
    }

    /** Whether group g learns. */
    public boolean learns(Group g) {
        return learning.contains(g);
    }

    /**
     * A random recurrent net: all-to-all couplings among {@code units} units with W ~ N(0, (gain²/units)),
     * every channel to every unit with B ~ N(0, inGain²), biases ~ N(0, 0.1²), stiffness α everywhere;
     * the last {@code outputs} units are the outputs. Its draws come from {@code r}, in that order.
     */
    public static Built recurrent(int units, int inputs, int outputs, Activation phi, Leapfrog leapfrog, double gain, double inGain,
                                  double stiffness, SplittableRandom r) {
        int[][] pairs = new int[units * (units - 1) / 2][];
        int c = 0;
        for (int i = 0; i < units; i++) for (int j = i + 1; j < units; j++) pairs[c++] = new int[]{i, j};
        int[][] links = new int[inputs * units][];
        int l = 0;
        for (int k = 0; k < inputs; k++) for (int i = 0; i < units; i++) links[l++] = new int[]{k, i};
        int[] outs = new int[outputs];
        for (int o = 0; o < outputs; o++) outs[o] = units - outputs + o;
        double[] w = new double[pairs.length];
        for (int k = 0; k < w.length; k++) w[k] = gain / Math.sqrt(units) * r.nextGaussian();
        double[] in = new double[links.length];
        for (int k = 0; k < in.length; k++) in[k] = inGain * r.nextGaussian();
        double[] bias = new double[units];
        for (int k = 0; k < units; k++) bias[k] = 0.1 * r.nextGaussian();
        double[] alpha = new double[units];
        Arrays.fill(alpha, stiffness);
        EchoNetwork net = new EchoNetwork(units, inputs, phi, Kind.PAIRWISE, pairs, links, outs, leapfrog, WEIGHTS_AND_BIASES);
        return new Built(net, new Parameters(w, in, bias, alpha));
    }

    /** A network and its initial parameters. */
    public record Built(EchoNetwork net, Parameters init) {
    }
}
