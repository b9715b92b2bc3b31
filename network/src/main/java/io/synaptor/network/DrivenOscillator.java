package io.synaptor.network;

import io.synaptor.neurons.LangevinOscillator;
import io.synaptor.neurons.QuarticPotential;
import io.synaptor.synapses.ContrastiveOneStep;
import io.synaptor.synapses.DrivingProtocol;
import io.synaptor.synapses.ForceMatching;
import io.synaptor.synapses.ProtocolParameter;

import java.util.SplittableRandom;

/**
 * One Langevin oscillator under a driving protocol, over a vector of examples: self-energy
 * U(x, t) = a(t)/2·x² + b(t)·x + c(t)/4·x⁴ ({@link QuarticPotential}), each parameter piecewise linear
 * over the protocol's knots, c ≥ 0 so the oscillator stays confined. It computes its own force, its
 * error under a {@link ProtocolRule}, and learns its own knots from them — nothing else (this design,
 * docs/scenarios.md#gmm-sampler). Initially a = a₀, b = c = 0.
 */
public final class DrivenOscillator {
    private final ProtocolParameter a;
    private final ProtocolParameter b;
    private final ProtocolParameter c;
    private final LangevinOscillator physics;

    public DrivenOscillator(DrivingProtocol protocol, double initialStiffness, LangevinOscillator physics) {
        this.a = new ProtocolParameter(protocol, initialStiffness);
        this.b = new ProtocolParameter(protocol, 0.0);
        this.c = new ProtocolParameter(protocol, 0.0, 0.0);
        this.physics = physics;
    }

    /** out_b = −∂U/∂x at (x_b, t_b); a run of equal times (sampling: all of them) reads the protocol once. */
    public void selfForce(double[] x, double[] t, double[] out) {
        double at = Double.NaN;
        double av = 0, bv = 0, cv = 0;
        for (int k = 0; k < x.length; k++) {
            if (t[k] != at) {
                at = t[k];
                av = a.value(at);
                bv = b.value(at);
                cv = c.value(at);
            }
            out[k] = -QuarticPotential.gradient(x[k], av, bv, cv);
        }
    }

    /**
     * The errors e_b of the rule from the total force F_b the oscillator feels: force matching
     * e = F − target (the target force F*); CD-1 e = (x̃ − target)/Δ with x̃ its own Euler–Maruyama
     * step of length Δ from x (noise from {@code noise}) and target the observed x_{t−Δ}.
     */
    public double[] errors(ProtocolRule rule, double[] x, double[] force, double[] target, double delta, SplittableRandom noise) {
        double[] e = new double[x.length];
        double kick = Math.sqrt(2.0 * physics.temperature() * delta);
        for (int k = 0; k < x.length; k++) {
            e[k] = rule == ProtocolRule.FORCE_MATCHING
                    ? ForceMatching.error(force[k], target[k])
                    : ContrastiveOneStep.error(x[k] + delta * force[k] + kick * noise.nextGaussian(), target[k], delta);
        }
        return e;
    }

    /** Σ_b ½λ_b e_b², this oscillator's share of the minibatch loss. */
    public static double loss(double[] e, double[] weight) {
        double s = 0;
        for (int k = 0; k < e.length; k++) s += 0.5 * weight[k] * e[k] * e[k];
        return s;
    }

    /**
     * The local update of its knots: ∂L/∂a = −λ e x, ∂L/∂b = −λ e, ∂L/∂c = −λ e x³ per example,
     * shared between the two knots around t_b, then θ ← θ − η·g/B (c projected onto c ≥ 0).
     */
    public void learn(double[] x, double[] t, double[] e, double[] weight, double rate) {
        for (int k = 0; k < x.length; k++) {
            double g = weight[k] * e[k];
            double xk = x[k];
            a.accumulate(t[k], -g * xk);
            b.accumulate(t[k], -g);
            c.accumulate(t[k], -g * xk * xk * xk);
        }
        a.descend(rate, x.length);
        b.descend(rate, x.length);
        c.descend(rate, x.length);
    }

    /** One sampling step of every example under the total forces, in place. */
    public void step(double[] x, double[] force, SplittableRandom noise) {
        for (int k = 0; k < x.length; k++) x[k] = physics.step(x[k], force[k], noise.nextGaussian());
    }

    /** Draws from the prior N(0, T). */
    public double[] prior(int n, SplittableRandom noise) {
        double[] x = new double[n];
        double s = Math.sqrt(physics.temperature());
        for (int k = 0; k < n; k++) x[k] = s * noise.nextGaussian();
        return x;
    }

    public boolean isFinite() {
        return a.isFinite() && b.isFinite() && c.isFinite();
    }

    /** Sets the knots of a, b and c (a protocol learned before, or a test's). */
    public void set(double[][] knots) {
        a.set(knots[0]);
        b.set(knots[1]);
        c.set(knots[2]);
    }

    /** The knots of a, b and c, in that order. */
    public double[][] knots() {
        return new double[][]{a.knots(), b.knots(), c.knots()};
    }
}
