package io.synaptor.synapses;

/**
 * The pairwise coupling −W ρ(s_i)ρ(s_j) of E (DESIGN.md, "Learning rules"): its contribution to the
 * field of one end is W·ρ of the other end. One symmetric weight serves both directions.
 */
public final class PairwiseCoupling {
    private double weight;

    public PairwiseCoupling(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    public void add(double delta) {
        weight += delta;
    }

    /** A new vector W·ρ_other: it becomes a message payload, so it is never reused. */
    public double[] drive(double[] rhoOther) {
        double[] out = new double[rhoOther.length];
        for (int b = 0; b < out.length; b++) out[b] = weight * rhoOther[b];
        return out;
    }
}
