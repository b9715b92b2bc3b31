package io.synaptor.synapses;

import java.util.Arrays;

/**
 * One learnable parameter of a driven oscillator or coupling: its K knot values θ_k under a
 * {@link DrivingProtocol}, and the gradient its owner accumulates over a minibatch from what it
 * measures itself. {@link #descend} applies θ_k ← θ_k − η·g_k/B and clears g (optionally projected
 * onto θ ≥ lower, e.g. a quartic stiffness that must stay ≥ 0 to confine).
 */
public final class ProtocolParameter {
    private final DrivingProtocol protocol;
    private final double[] knots;
    private final double[] grad;
    private final double lower;

    public ProtocolParameter(DrivingProtocol protocol, double initial, double lower) {
        this.protocol = protocol;
        this.knots = new double[protocol.knots()];
        this.grad = new double[protocol.knots()];
        this.lower = lower;
        Arrays.fill(knots, initial);
    }

    public ProtocolParameter(DrivingProtocol protocol, double initial) {
        this(protocol, initial, Double.NEGATIVE_INFINITY);
    }

    public double value(double t) {
        return protocol.value(knots, t);
    }

    /** g_k += w_k(t)·∂L/∂p at one sample. */
    public void accumulate(double t, double dLossDp) {
        protocol.accumulate(grad, t, dLossDp);
    }

    /** θ_k ← max(lower, θ_k − rate·g_k/count); g ← 0. */
    public void descend(double rate, int count) {
        double scale = rate / count;
        for (int k = 0; k < knots.length; k++) {
            knots[k] = Math.max(lower, knots[k] - scale * grad[k]);
            grad[k] = 0.0;
        }
    }

    public double[] knots() {
        return knots.clone();
    }

    public void set(double[] values) {
        if (values.length != knots.length) throw new IllegalArgumentException(values.length + " values for " + knots.length + " knots");
        System.arraycopy(values, 0, knots, 0, knots.length);
    }

    public boolean isFinite() {
        for (double v : knots) if (!Double.isFinite(v)) return false;
        return true;
    }
}
