package io.synaptor.synapses;

/**
 * One coupling that does not learn, as the model a synapse actor hosts: each end feels W times the
 * other end's value, example by example (the drive of −W·φ_i·φ_j, DESIGN.md, "The protocol") — a trained
 * substrate running as a sampler, or a readout of weight 1.
 */
public final class FixedCoupling extends OneSynapse {
    private final double w;

    public FixedCoupling(int id, double weight) {
        super(id);
        this.w = weight;
    }

    @Override
    public double weight(int cell) {
        return w;
    }

    @Override
    public double[] driveToI(long tau, double[] valueJ) {
        return scaled(valueJ);
    }

    @Override
    public double[] driveToJ(long tau, double[] valueI) {
        return scaled(valueI);
    }

    private double[] scaled(double[] v) {
        double[] out = new double[v.length];
        for (int b = 0; b < v.length; b++) out[b] = w * v[b];
        return out;
    }
}
