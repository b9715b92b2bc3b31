package io.synaptor.network;

import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.UpdateModel;

/**
 * Units of a trained substrate that do nothing but relax under their fields — no episodes, nudges or
 * learning — as the model a unit actor hosts: the denoiser of annealed Langevin sampling
 * (docs/scenarios.md#thermo-diffusion), whose inputs change under it. Every sample's state is a column;
 * the value is ρ(s) (the unit's presented φ, s itself for bilinear couplings). Under an update model a
 * unit holds its state at the steps its clock skips.
 */
public final class RelaxingSlice extends SamplerSlice {
    private final UnitDynamics dynamics;
    private final double[] biases;
    private final UpdateModel update;
    private double[] rho;

    /** @param dynamics the slice's units' one model (a slice is stepped by one) */
    public RelaxingSlice(int[] units, UnitDynamics dynamics, double[] biases, int samples, long endTime, UpdateModel update) {
        super(units, samples, endTime);
        if (dynamics.components() != 1 || dynamics.isNoisy()) {
            throw new IllegalArgumentException("a relaxing slice has real states and relaxes deterministically (T = 0)");
        }
        if (biases.length != units.length) throw new IllegalArgumentException("one bias per unit");
        this.dynamics = dynamics;
        this.biases = biases.clone();
        this.update = update;
    }

    /** One free step of every sample (DESIGN.md, "Learning rules": ds/dt = −∂E/∂s, the unit's own dynamics). */
    @Override
    public void step(long t, double[] field) {
        int samples = row();
        for (int k = 0; k < size(); k++) {
            if (update.updates(unit(k), t)) dynamics.freeSteps(state, k * samples, (k + 1) * samples, field, biases[k], rho);
        }
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        rho = new double[state.length];
        dynamics.rhoAll(state, rho);
        return rho;
    }
}
