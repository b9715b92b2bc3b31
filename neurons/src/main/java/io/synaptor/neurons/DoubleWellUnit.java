package io.synaptor.neurons;

import com.google.auto.service.AutoService;

/**
 * {@code double-well}: U(s) = a(s² − 1)², overdamped — the unit of the overdamped Langevin network
 * of {@code synaptor bench langevin} (docs/performance.md), two wells at s = ±1 with a barrier of
 * height a at s = 0. The registry's model has a = 1, as that benchmark; another barrier is
 * {@code new DoubleWellUnit(a)} in code, named {@code double-well a=…}, which the registry (and so a
 * cluster node decoding a spec by model name) does not know.
 */
@AutoService(UnitModel.class)
public final class DoubleWellUnit implements UnitModel {
    static final String NAME = "double-well";

    private final double barrier;
    private final SelfEnergy well;

    /** The registry's model: a = 1. */
    public DoubleWellUnit() {
        this(1.0);
    }

    public DoubleWellUnit(double barrier) {
        this.well = SelfEnergy.doubleWell(barrier); // checks a > 0
        this.barrier = barrier;
    }

    public double barrier() {
        return barrier;
    }

    @Override
    public String name() {
        return barrier == 1.0 ? NAME : NAME + " a=" + barrier;
    }

    @Override
    public String description() {
        return "U(s) = a(s² − 1)², a = " + barrier + ": wells at s = ±1; ds/dt = −∂F/∂s (+ noise at T > 0)";
    }

    @Override
    public SelfEnergy selfEnergy() {
        return well;
    }

    @Override
    public UnitDynamics dynamics(Activation activation, double dt, double temperature, boolean complex) {
        if (complex) throw new IllegalArgumentException("the double-well unit has real states only (no holomorphic form)");
        return new OverdampedUnit(activation, well, dt, temperature);
    }
}
