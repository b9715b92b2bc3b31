package io.synaptor.network;

/**
 * Sequences for a Hamiltonian network ({@link EchoNetwork}): per example b, the inputs u_t
 * (inputs[b][t][k], t = 0 … T−1: step t → t+1 feels u_t) and the targets of the output units' positions
 * y_{t+1} (targets[b][t][o]) at the steps where the loss counts, ℓ_b = Σ_{t: lossAt[t]} ½ Σ_o
 * (y_{o,t+1} − targets[b][t][o])²; a label per example for a classification task (−1: none), read off as
 * the output whose mean position over the loss steps is largest.
 */
public record Sequences(double[][][] inputs, double[][][] targets, boolean[] lossAt, int[] labels) {
    public Sequences {
        if (inputs.length == 0 || inputs.length != targets.length || inputs.length != labels.length) {
            throw new IllegalArgumentException("need as many targets and labels as input sequences, and at least one");
        }
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length != lossAt.length || targets[b].length != lossAt.length) {
                throw new IllegalArgumentException("every sequence has " + lossAt.length + " steps; example " + b + " does not");
            }
        }
    }

    /** Examples. */
    public int size() {
        return inputs.length;
    }

    /** T, the steps of a sequence. */
    public int steps() {
        return lossAt.length;
    }

    /** Channel k of the given examples, [t][b]. */
    public double[][] channel(int k, int[] examples) {
        double[][] out = new double[steps()][examples.length];
        for (int t = 0; t < steps(); t++) for (int b = 0; b < examples.length; b++) out[t][b] = inputs[examples[b]][t][k];
        return out;
    }

    /** Output o's targets for the given examples, [t][b]. */
    public double[][] target(int o, int[] examples) {
        double[][] out = new double[steps()][examples.length];
        for (int t = 0; t < steps(); t++) for (int b = 0; b < examples.length; b++) out[t][b] = targets[examples[b]][t][o];
        return out;
    }

    /** Steps where the loss counts. */
    public int lossSteps() {
        int n = 0;
        for (boolean at : lossAt) if (at) n++;
        return n;
    }
}
