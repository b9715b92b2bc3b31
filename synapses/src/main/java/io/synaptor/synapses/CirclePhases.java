package io.synaptor.synapses;

/**
 * cos θ_k and sin θ_k for n equally spaced phases θ_k = 2πk/n: the demodulation table of holomorphic
 * EP, computed once per rule so that a sample costs two array reads.
 */
record CirclePhases(double[] cos, double[] sin) {
    static CirclePhases of(int n) {
        double[] c = new double[n];
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = Math.cos(2.0 * Math.PI * k / n);
            s[k] = Math.sin(2.0 * Math.PI * k / n);
        }
        return new CirclePhases(c, s);
    }
}
