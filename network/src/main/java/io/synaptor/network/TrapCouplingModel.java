package io.synaptor.network;

import io.synaptor.synapses.OneSynapse;

/**
 * The coupling of a slice of the harmonic trap's particles (end i, {@link TrapParticles}) to the learner
 * (end j, {@link TrapLearner}) as the model a synapse actor hosts. The trap's energy
 * Σ_i (x_i − θ)²/2 couples them bilinearly, −θ·Σ_i x_i (W = 1): each particle feels θ, and the learner
 * the slice's sum Σ_i x_i, which the coupling sends together with the work the slice booked. It learns
 * nothing: θ is learned by the learner.
 */
public final class TrapCouplingModel extends OneSynapse {
    public TrapCouplingModel(int id) {
        super(id);
    }

    @Override
    public double weight(int cell) {
        return 1.0;
    }

    /** θ, the learner's value. */
    @Override
    public double[] driveToI(long tau, double[] learner) {
        return new double[]{learner[0]};
    }

    /** [Σ_i x_i, w] of the slice's value [x_1 … x_n | w], summed in particle order. */
    @Override
    public double[] driveToJ(long tau, double[] particles) {
        int n = particles.length - 1;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += particles[i];
        return new double[]{sum, particles[n]};
    }
}
