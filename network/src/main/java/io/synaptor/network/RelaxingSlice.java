package io.synaptor.network;

import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.UpdateModel;

/**
 * A unit of a trained substrate that does nothing but relax under its field — no episodes, nudges or
 * learning — as the model a unit actor hosts: the denoiser of annealed Langevin sampling
 * (docs/scenarios.md#thermo-diffusion), whose inputs change under it. One unit, every sample's state
 * a column; its value is ρ(s) (the unit's presented φ, s itself for bilinear couplings). Under an update
 * model it holds its state at the steps its clock skips.
 */
public final class RelaxingSlice extends OneUnitSlice {
    private final UnitDynamics dynamics;
    private final double bias;
    private final UpdateModel update;
    private final double[] s;
    private double[] rho;

    public RelaxingSlice(int unit, UnitDynamics dynamics, double bias, int samples, long endTime, UpdateModel update) {
        super(unit, samples, endTime);
        if (dynamics.components() != 1 || dynamics.isNoisy()) {
            throw new IllegalArgumentException("a relaxing slice has real states and relaxes deterministically (T = 0)");
        }
        this.dynamics = dynamics;
        this.bias = bias;
        this.update = update;
        this.s = state;
    }

    /** One free step of every sample (DESIGN.md, "Learning rules": ds/dt = −∂E/∂s, the unit's own dynamics). */
    @Override
    public void step(long t, double[] field) {
        if (update.updates(unit(), t)) dynamics.freeSteps(s, 0, s.length, field, bias, rho);
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        rho = new double[s.length];
        dynamics.rhoAll(s, rho);
        return rho;
    }
}
