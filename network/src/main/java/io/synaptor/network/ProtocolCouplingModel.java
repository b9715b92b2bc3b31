package io.synaptor.network;

import io.synaptor.synapses.OneSynapse;

/**
 * A driven coupling J(t)·x_i·x_j ({@link DrivenCoupling}) as the model a synapse actor hosts (seed
 * 001, docs/scenarios.md#gmm-sampler). The ends' values are {@link ProtocolSlice}'s blocks, positions
 * and protocol times first; the force on each end is −J(t_b)·x_other,b at the protocol time the value
 * carries, so a drive is a function of the other end's value alone. In training, once per minibatch
 * (state times P + 1, 2P + 1, …, when both ends' errors are in) J's knots learn from
 * (x'_i, e_i, x'_j, e_j) at the times t' they were measured at — what the coupling sees at its two
 * ends, nothing else — with the weights λ(t') they carry, before the new positions' forces go out.
 */
public final class ProtocolCouplingModel extends OneSynapse {
    private final DrivenCoupling coupling;
    private final NoisingSchedule schedule; // for t_min, where the reported weight is read
    private final double rate;
    private final int period;
    private final long endTime;
    private double[] t, weight, xi, ei, xj, ej; // the measured blocks of both ends, reused at every sample

    /**
     * @param period the minibatch period P of {@link ProtocolSlice#training} (0: sampling, J fixed)
     * @param rate   η_J of its knots
     */
    public ProtocolCouplingModel(DrivenCoupling coupling, int id, NoisingSchedule schedule, double rate, int period, long endTime) {
        super(id);
        this.coupling = coupling;
        this.schedule = schedule;
        this.rate = rate;
        this.period = period;
        this.endTime = endTime;
    }

    /** The coupling with its knots held: the sampler's. */
    public static ProtocolCouplingModel fixed(DrivenCoupling coupling, int id, NoisingSchedule schedule) {
        return new ProtocolCouplingModel(coupling, id, schedule, 0.0, 0, 0);
    }

    /** J at t_min, where sampling ends (the whole protocol is in {@link DrivenCoupling#knots()}). */
    @Override
    public double weight(int cell) {
        return coupling.at(schedule.tMin());
    }

    /** Just after each measurement, P + 1, 2P + 1, … through the last. */
    @Override
    public long nextSampleTime(long t) {
        if (period == 0) return Long.MAX_VALUE;
        long k = Math.max(1, Math.floorDiv(t - 1 + period - 1, period));
        long at = k * period + 1;
        return at <= endTime ? at : Long.MAX_VALUE;
    }

    @Override
    public long nextUpdateTime(long t) {
        return nextSampleTime(t);
    }

    @Override
    public boolean learn(long tau, double[] valueI, double[] valueJ) {
        int b = valueI.length / ProtocolSlice.TRAINING_BLOCKS;
        if (t == null) {
            t = new double[b];
            weight = new double[b];
            xi = new double[b];
            ei = new double[b];
            xj = new double[b];
            ej = new double[b];
        }
        System.arraycopy(valueI, 4 * b, t, 0, b);
        System.arraycopy(valueI, 5 * b, weight, 0, b);
        System.arraycopy(valueI, 3 * b, xi, 0, b);
        System.arraycopy(valueI, 2 * b, ei, 0, b);
        System.arraycopy(valueJ, 3 * b, xj, 0, b);
        System.arraycopy(valueJ, 2 * b, ej, 0, b);
        coupling.learn(t, xi, ei, xj, ej, weight, rate);
        return true;
    }

    @Override
    public int diverged() {
        return coupling.isFinite() ? -1 : 0;
    }

    @Override
    public double[] driveToI(long tau, double[] valueJ) {
        return force(valueJ);
    }

    @Override
    public double[] driveToJ(long tau, double[] valueI) {
        return force(valueI);
    }

    /** −J(t_b)·x_b of the other end's value, per example. */
    private double[] force(double[] other) {
        int b = other.length / (period == 0 ? ProtocolSlice.SAMPLING_BLOCKS : ProtocolSlice.TRAINING_BLOCKS);
        double[] out = new double[b];
        coupling.force(other, 0, other, b, out);
        return out;
    }
}
