package io.synaptor.synapses;

/** Minibatch averages of the Hebbian product ρ_iρ_j, the only thing EP-family rules measure. */
public final class Correlation {
    private Correlation() {
    }

    /** (1/B) Σ_b ρ_i[b] ρ_j[b]. */
    public static double mean(double[] rhoI, double[] rhoJ) {
        double sum = 0.0;
        for (int b = 0; b < rhoI.length; b++) sum += rhoI[b] * rhoJ[b];
        return sum / rhoI.length;
    }
}
