package io.synaptor.network;

import java.util.Arrays;

/**
 * The learning rate of every coupling (spec order) and of every unit's bias: what each synapse and
 * each unit learns at, the same in both engines. Empty arrays mean one rate everywhere, so a run
 * that sets none carries no array the size of its couplings. A rate of 0 freezes what it belongs to
 * (a fixed projection).
 *
 * @param couplings one rate per coupling, or empty
 * @param biases    one rate per unit, or empty
 */
public record LearningRates(double[] couplings, double[] biases) {
    public LearningRates {
        for (double r : couplings) checkRate(r);
        for (double r : biases) checkRate(r);
    }

    private static void checkRate(double r) {
        if (!(r >= 0) || !Double.isFinite(r)) throw new IllegalArgumentException("a learning rate must be finite and ≥ 0, got " + r);
    }

    /** One rate everywhere: the run's own. */
    public static LearningRates uniform() {
        return new LearningRates(new double[0], new double[0]);
    }

    /**
     * Per projection of a layered net ({@code learning.rates}): the couplings between layers l and
     * l + 1, and layer l + 1's biases, learn at {@code perLayer[l]}; empty: {@code rate} everywhere.
     */
    public static LearningRates perLayer(NetworkSpec net, double rate, double[] perLayer) {
        if (perLayer.length == 0) return uniform();
        int projections = Arrays.stream(net.layerOf()).max().orElse(0);
        if (perLayer.length != projections) {
            throw new IllegalArgumentException("one learning rate per projection (" + projections + "), got " + perLayer.length);
        }
        double[] c = new double[net.couplings().size()];
        for (int k = 0; k < c.length; k++) {
            Coupling cp = net.couplings().get(k);
            c[k] = at(perLayer, rate, Math.min(net.layerOf()[cp.i()], net.layerOf()[cp.j()]));
        }
        double[] b = new double[net.size()];
        for (int u = 0; u < b.length; u++) b[u] = at(perLayer, rate, net.layerOf()[u] - 1);
        return new LearningRates(c, b);
    }

    private static double at(double[] perLayer, double rate, int l) {
        return l < 0 ? rate : perLayer[l];
    }

    /** Coupling k's rate, {@code rate} if none is set. */
    public double coupling(int k, double rate) {
        return couplings.length == 0 ? rate : couplings[k];
    }

    /** Unit u's bias rate, {@code rate} if none is set. */
    public double bias(int u, double rate) {
        return biases.length == 0 ? rate : biases[u];
    }

    /** Checks the sizes against the network; the empty arrays fit any. */
    public void check(NetworkSpec net) {
        if (couplings.length != 0 && couplings.length != net.couplings().size()) {
            throw new IllegalArgumentException("one learning rate per coupling (" + net.couplings().size() + "), got " + couplings.length);
        }
        if (biases.length != 0 && biases.length != net.size()) {
            throw new IllegalArgumentException("one bias learning rate per unit (" + net.size() + "), got " + biases.length);
        }
    }
}
