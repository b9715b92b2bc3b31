package io.synaptor.network;

import io.synaptor.synapses.BilinearCoupling;
import io.synaptor.synapses.DrivingProtocol;
import io.synaptor.synapses.ProtocolParameter;

/**
 * A coupling J_ij(t)·x_i·x_j between two oscillators under a driving protocol, over a vector of
 * examples ({@link BilinearCoupling}; this design, docs/scenarios.md#gmm-sampler). It sees the two
 * ends' positions and force errors, and nothing else. Initially J = 0.
 */
public final class DrivenCoupling {
    private final int i;
    private final int j;
    private final ProtocolParameter coupling;

    public DrivenCoupling(int i, int j, DrivingProtocol protocol) {
        if (i == j) throw new IllegalArgumentException("a coupling needs two distinct ends, got " + i + " twice");
        this.i = i;
        this.j = j;
        this.coupling = new ProtocolParameter(protocol, 0.0);
    }

    public int first() {
        return i;
    }

    public int second() {
        return j;
    }

    /** out_b = −J(t_b)·x_other,b: the force on one end from the other end's positions. */
    public void force(double[] xOther, double[] t, double[] out) {
        for (int k = 0; k < xOther.length; k++) out[k] = BilinearCoupling.force(coupling.value(t[k]), xOther[k]);
    }

    /** ∂L/∂J = −λ(e_i x_j + e_j x_i) per example, shared between the knots around t; J ← J − η·g/B. */
    public void learn(double[] t, double[] xi, double[] ei, double[] xj, double[] ej, double[] weight, double rate) {
        for (int k = 0; k < t.length; k++) coupling.accumulate(t[k], weight[k] * BilinearCoupling.lossGradient(ei[k], xi[k], ej[k], xj[k]));
        coupling.descend(rate, t.length);
    }

    public boolean isFinite() {
        return coupling.isFinite();
    }

    public void set(double[] knots) {
        coupling.set(knots);
    }

    public double[] knots() {
        return coupling.knots();
    }
}
