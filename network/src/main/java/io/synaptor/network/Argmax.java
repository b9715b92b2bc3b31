package io.synaptor.network;

/** Index of the largest entry; the first one wins a tie, so the result is deterministic. */
public final class Argmax {
    private Argmax() {
    }

    public static int of(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
        return best;
    }
}
