package io.synaptor.network;

import io.synaptor.neurons.HarmonicTrap;
import io.synaptor.scheduler.UpdateModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A slice of the harmonic trap's persistent chains as the model a unit actor hosts (docs/scenarios.md#harmonic-trap):
 * it owns its particles' positions and noise streams and knows θ only as the drive its coupling to the
 * learner brings ({@link TrapCouplingModel}). At each of its steps ({@link TrapSchedule}) it books the
 * work the change of θ did on its particles where they stand (Sekimoto) and, while learning runs, takes one
 * Euler–Maruyama step ({@link HarmonicTrap#step}) — unless its update model skips it. It tells its coupling
 * [x_1 … x_n | w]: its positions and the work it last booked. It starts at the trap's equilibrium about
 * the prepared mean.
 */
public final class TrapParticles extends OneUnitSlice {
    /** The particles' positions at one learning step. */
    public record Snapshot(int step, double[] positions) {
    }

    private final String label;
    private final HarmonicTrap trap;
    private final double dt;
    private final SplittableRandom[] noise;
    private final TrapSchedule schedule;
    private final UpdateModel update;
    private final boolean[] snapshotSteps;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final double[] x;
    private double theta;
    private double work;

    /**
     * @param label         what messages call the repetition ("constant, repetition 0")
     * @param initialMean   the centre of the starting equilibrium
     * @param theta0        the θ the particles start under
     * @param snapshotSteps the learning steps at which to keep the positions, or null
     */
    public TrapParticles(int unit, String label, HarmonicTrap trap, double dt, SplittableRandom[] noise, double initialMean, double theta0,
                         TrapSchedule schedule, UpdateModel update, boolean[] snapshotSteps) {
        super(unit, noise.length, schedule.endTime());
        this.label = label;
        this.trap = trap;
        this.dt = dt;
        this.noise = noise;
        this.schedule = schedule;
        this.update = update;
        this.snapshotSteps = snapshotSteps;
        this.theta = theta0;
        this.x = state;
        for (int i = 0; i < x.length; i++) x[i] = trap.equilibrium(initialMean, noise[i]);
    }

    @Override
    public int fieldLength() {
        return 1;
    }

    @Override
    public void step(long t, double[] field) {
        long n = schedule.particleStep(t);
        if (n < 0) return;
        work = HarmonicTrap.work(x, 0, x.length, theta, field[0]);
        theta = field[0];
        if (n < schedule.steps() && update.updates(unit(), t)) trap.step(x, 0, x.length, theta, dt, noise);
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        if (snapshotSteps != null && t % schedule.period() == 0) {
            long n = t / schedule.period();
            if (n < snapshotSteps.length && snapshotSteps[(int) n]) snapshots.add(new Snapshot((int) n, x.clone()));
        }
        double[] value = new double[x.length + 1];
        System.arraycopy(x, 0, value, 0, x.length);
        value[x.length] = work;
        return value;
    }

    /** The value changes only after the particles' steps, at multiples of P. */
    @Override
    public long holdsThrough(long t) {
        return schedule.holdsThrough(t, 0);
    }

    @Override
    public String describe(int k) {
        return label + ": particles " + unit();
    }

    /** The positions kept at the snapshot steps, in step order. */
    public List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
