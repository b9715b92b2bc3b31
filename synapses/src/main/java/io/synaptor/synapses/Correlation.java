package io.synaptor.synapses;

/**
 * Minibatch averages of the Hebbian product ρ_iρ_j, the only thing EP-family rules measure. Complex
 * activations come re/im interleaved (DESIGN.md, "The protocol") and are read in place: no object
 * per call.
 */
public final class Correlation {
    private Correlation() {
    }

    /** (1/B) Σ_b ρ_i[b] ρ_j[b]. */
    public static double mean(double[] rhoI, double[] rhoJ) {
        double sum = 0.0;
        for (int b = 0; b < rhoI.length; b++) sum += rhoI[b] * rhoJ[b];
        return sum / rhoI.length;
    }

    /** Re[(1/B) Σ_b ρ_i[b] ρ_j[b]] of complex vectors (re/im interleaved). */
    public static double complexMeanRe(double[] rhoI, double[] rhoJ) {
        double sum = 0.0;
        for (int k = 0; k < rhoI.length; k += 2) sum += rhoI[k] * rhoJ[k] - rhoI[k + 1] * rhoJ[k + 1];
        return sum / (rhoI.length / 2);
    }

    /** Im[(1/B) Σ_b ρ_i[b] ρ_j[b]] of complex vectors (re/im interleaved). */
    public static double complexMeanIm(double[] rhoI, double[] rhoJ) {
        double sum = 0.0;
        for (int k = 0; k < rhoI.length; k += 2) sum += rhoI[k] * rhoJ[k + 1] + rhoI[k + 1] * rhoJ[k];
        return sum / (rhoI.length / 2);
    }
}
