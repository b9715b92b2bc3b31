package io.synaptor.synapses;

/**
 * An {@link Optimizer}'s steps for parameters whose model computes its own gradient estimates (an
 * echo-learning coupling, a second-order unit's bias and stiffness; the dense reference's BPTT training
 * of the same parameters): SGD takes the change dw = −η·ĝ as it is, Adam rescales it by the parameter's
 * own moments ({@link AdamMoments}, restarted each epoch), and either is multiplied by γ^e in epoch e —
 * what {@link AdaptiveStep} and {@link DecayingRate} do for an EqProp rule.
 */
public final class ParameterStep {
    private final Optimizer optimizer;
    private final AdamMoments moments;

    /** Parameter k learns at rates[k]. */
    public ParameterStep(Optimizer optimizer, double[] rates) {
        this.optimizer = optimizer;
        this.moments = optimizer.kind() == Optimizer.Kind.ADAM ? new AdamMoments(rates) : null;
    }

    /** Parameter k's step in epoch e for the change dw = −η·ĝ. */
    public double step(int k, int epoch, double dw) {
        if (moments != null) {
            moments.enter(epoch);
            dw = moments.step(k, dw);
        }
        return optimizer.decay() == 1.0 ? dw : dw * Math.pow(optimizer.decay(), epoch);
    }
}
