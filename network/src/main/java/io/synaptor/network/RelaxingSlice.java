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
public final class RelaxingSlice implements SliceModel {
    private final int unit;
    private final UnitDynamics dynamics;
    private final double bias;
    private final long endTime;
    private final UpdateModel update;
    private final double[] s;
    private double[] rho;

    public RelaxingSlice(int unit, UnitDynamics dynamics, double bias, int samples, long endTime, UpdateModel update) {
        if (dynamics.components() != 1) throw new IllegalArgumentException("a relaxing slice has real states");
        this.unit = unit;
        this.dynamics = dynamics;
        this.bias = bias;
        this.endTime = endTime;
        this.update = update;
        this.s = new double[samples];
    }

    @Override
    public int[] units() {
        return new int[]{unit};
    }

    @Override
    public int row() {
        return s.length;
    }

    @Override
    public double[] state() {
        return s;
    }

    @Override
    public int fieldLength() {
        return s.length;
    }

    @Override
    public long endTime() {
        return endTime;
    }

    /** One free step of every sample (DESIGN.md, "Learning rules": ds/dt = −∂E/∂s, the unit's own dynamics). */
    @Override
    public void step(long t, double[] field) {
        if (!update.updates(unit, t)) return;
        if (dynamics.isNoisy()) {
            for (int b = 0; b < s.length; b++) dynamics.step(s, b, field, bias, 0.0, 0.0, 0.0, 0.0, rho);
        } else {
            dynamics.freeSteps(s, 0, s.length, field, bias, rho);
        }
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        rho = new double[s.length];
        dynamics.rhoAll(s, rho);
        return rho;
    }

    @Override
    public double[] realParts(int k) {
        return s.clone();
    }
}
