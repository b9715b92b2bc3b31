package io.synaptor.network;

import io.synaptor.synapses.DrivingProtocol;
import io.synaptor.synapses.ProtocolParameter;

/**
 * A coupling J_ij(t)·x_i·x_j between two oscillators under a driving protocol, over a vector of
 * examples (this design, docs/scenarios.md#gmm-sampler). The force it puts on i is
 * −∂E/∂x_i = −J·x_j (and −J·x_i on j). It sees the two ends' positions and force errors, and nothing
 * else: with force errors e_i, e_j ({@link io.synaptor.synapses.ForceMatching},
 * {@link io.synaptor.synapses.ContrastiveOneStep}) the loss ½Σ e² has
 * ∂L/∂J = e_i·∂F_i/∂J + e_j·∂F_j/∂J = −(e_i·x_j + e_j·x_i). Initially J = 0.
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

    /** J(t). */
    public double at(double t) {
        return coupling.value(t);
    }

    /** out_b = −J(t_b)·x_other,b: the force on one end from the other end's positions. */
    public void force(double[] xOther, double[] t, double[] out) {
        force(xOther, 0, t, 0, out);
    }

    /**
     * The same, with x_other,b at xOther[xFrom + b] and t_b at t[tFrom + b], for b below out.length; a
     * run of equal times (sampling: all of them) reads J once.
     */
    public void force(double[] xOther, int xFrom, double[] t, int tFrom, double[] out) {
        double at = Double.NaN;
        double j = 0;
        for (int k = 0; k < out.length; k++) {
            if (t[tFrom + k] != at) {
                at = t[tFrom + k];
                j = at(at);
            }
            out[k] = -j * xOther[xFrom + k];
        }
    }

    /** ∂L/∂J = −λ(e_i x_j + e_j x_i) per example, shared between the knots around t; J ← J − η·g/B. */
    public void learn(double[] t, double[] xi, double[] ei, double[] xj, double[] ej, double[] weight, double rate) {
        for (int k = 0; k < t.length; k++) coupling.accumulate(t[k], -weight[k] * (ei[k] * xj[k] + ej[k] * xi[k]));
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
