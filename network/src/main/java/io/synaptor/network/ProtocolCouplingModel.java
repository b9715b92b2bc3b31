package io.synaptor.network;

import io.synaptor.synapses.SynapseModel;

import java.util.Arrays;

/**
 * A driven coupling J(t)·x_i·x_j ({@link DrivenCoupling}) as the model a synapse actor hosts (seed
 * 001, docs/scenarios.md#gmm-sampler). The ends' values are {@link ProtocolSlice}'s [x | t | e]
 * blocks; the force on each end is −J(t_b)·x_other,b at the protocol time the value carries, so a
 * drive is a function of the other end's value alone. In training, at the end of every minibatch
 * (state times P, 2P, …, where both ends' errors are in) J's knots learn from (x_i, e_i, x_j, e_j) —
 * what the coupling sees at its two ends, nothing else — with weights λ(t) of the noising schedule.
 */
public final class ProtocolCouplingModel implements SynapseModel {
    private final DrivenCoupling coupling;
    private final int id;
    private final NoisingSchedule schedule;
    private final double rate;
    private final int period;
    private final long endTime;

    /**
     * @param period the minibatch period P of {@link ProtocolSlice#training} (0: sampling, J fixed)
     * @param rate   η_J of its knots
     */
    public ProtocolCouplingModel(DrivenCoupling coupling, int id, NoisingSchedule schedule, double rate, int period, long endTime) {
        this.coupling = coupling;
        this.id = id;
        this.schedule = schedule;
        this.rate = rate;
        this.period = period;
        this.endTime = endTime;
    }

    /** The coupling with its knots held: the sampler's. */
    public static ProtocolCouplingModel fixed(DrivenCoupling coupling, int id, NoisingSchedule schedule) {
        return new ProtocolCouplingModel(coupling, id, schedule, 0.0, 0, 0);
    }

    @Override
    public int cells() {
        return 1;
    }

    @Override
    public int coupling(int cell) {
        return id;
    }

    @Override
    public int cellI(int cell) {
        return 0;
    }

    @Override
    public int cellJ(int cell) {
        return 0;
    }

    /** J at t_min, where sampling ends (the whole protocol is in {@link DrivenCoupling#knots()}). */
    @Override
    public double weight(int cell) {
        return coupling.at(schedule.tMin());
    }

    @Override
    public double lastGradient(int cell) {
        return Double.NaN;
    }

    /** The ends of minibatches, P, 2P, … through the last. */
    @Override
    public long nextSampleTime(long t) {
        if (period == 0) return Long.MAX_VALUE;
        long k = Math.max(1, Math.floorDiv(t + period - 1, period));
        long at = k * period;
        return at <= endTime ? at : Long.MAX_VALUE;
    }

    @Override
    public long nextUpdateTime(long t) {
        return nextSampleTime(t);
    }

    @Override
    public boolean learn(long tau, double[] valueI, double[] valueJ) {
        int b = valueI.length / 3;
        double[] t = Arrays.copyOfRange(valueI, b, 2 * b);
        double[] weight = new double[b];
        for (int k = 0; k < b; k++) weight[k] = schedule.weight(t[k]);
        coupling.learn(t, Arrays.copyOfRange(valueI, 0, b), Arrays.copyOfRange(valueI, 2 * b, 3 * b),
                Arrays.copyOfRange(valueJ, 0, b), Arrays.copyOfRange(valueJ, 2 * b, 3 * b), weight, rate);
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
        int b = other.length / 3;
        double[] out = new double[b];
        coupling.force(other, 0, other, b, out);
        return out;
    }

    @Override
    public double[] driveWithin(long tau, double[] value) {
        throw new UnsupportedOperationException("a driven coupling joins two oscillators, each its own slice");
    }
}
