package io.synaptor.network;

import io.synaptor.synapses.LearningRateProtocol;

/**
 * The harmonic trap's parameter θ as the model a unit actor hosts, learning by persistent-chain maximum
 * likelihood (Hnybida &amp; Verret 2025; docs/scenarios.md#harmonic-trap): it knows the data through their
 * mean θ* and the particles only through the field their couplings bring — the sum of their positions and
 * of the work they booked ({@link TrapCouplingModel}) — and its value is θ. At its steps
 * ({@link TrapSchedule}): the start jump, then θ ← θ + βη(t_n)(θ* − x̄_n)dt
 * ({@link LearningRateProtocol#update}), then the end jump; the work is what the particles booked, the
 * learner only adds it up. Its {@link #trajectory()} is what the scenario reads once the run is over.
 */
public final class TrapLearner extends OneUnitSlice {
    /**
     * θ[n] in force from t_n (θ[0] after the start jump), the particles' mean x̄[n] at t_n, the work per
     * particle done up to t_n (the change of θ at t_n included); θ and the work after the end jump.
     */
    public record Trajectory(String protocol, int repetition, double thetaStart, double[] theta, double[] particleMean,
                             double[] work, double thetaFinal, double workFinal) {
    }

    private final String label;
    private final LearningRateProtocol protocol;
    private final int repetition;
    private final double theta0;
    private final double thetaStar;
    private final int particles;
    private final TrapSchedule schedule;
    private final double dt;
    private final double[] s;
    private final double[] theta;
    private final double[] mean;
    private final double[] work;
    private double thetaFinal = Double.NaN;
    private double workFinal = Double.NaN;

    public TrapLearner(int unit, LearningRateProtocol protocol, int repetition, double theta0, double thetaStar, int particles,
                       TrapSchedule schedule) {
        super(unit, 1, schedule.endTime());
        this.s = state;
        this.label = protocol.name() + ", repetition " + repetition;
        this.protocol = protocol;
        this.repetition = repetition;
        this.theta0 = theta0;
        this.thetaStar = thetaStar;
        this.particles = particles;
        this.schedule = schedule;
        int steps = schedule.steps();
        this.dt = protocol.task().tau() / steps;
        this.theta = new double[steps + 1];
        this.mean = new double[steps + 1];
        this.work = new double[steps + 1];
        s[0] = theta0;
    }

    /** [Σ x, Σ w] over every slice of particles. */
    @Override
    public int fieldLength() {
        return 2;
    }

    @Override
    public void step(long t, double[] field) {
        long n = schedule.learnerStep(t);
        if (n < 0) return;
        int steps = schedule.steps();
        double xbar = field[0] / particles;
        double w = field[1] / particles;
        double current = s[0];
        if (n == 0) {
            mean[0] = xbar;
            current = protocol.startJump().apply(current, xbar, thetaStar);
            theta[0] = current;
        } else if (n <= steps) {
            int k = (int) n;
            work[k - 1] = (k > 1 ? work[k - 2] : 0) + w;
            mean[k] = xbar;
            current = protocol.update(current, k * dt, thetaStar, xbar, dt);
            theta[k] = current;
        } else if (n == steps + 1) {
            work[steps] = work[steps - 1] + w;
            current = protocol.endJump().apply(current, xbar, thetaStar);
            thetaFinal = current;
        } else {
            workFinal = work[steps] + w;
        }
        s[0] = current;
    }

    /** θ, and at the end the final work for the experimenter's count of finished repetitions. */
    @Override
    public double[] arrive(long t, Reports reports) {
        if (t == schedule.endTime()) reports.report(unit(), 0, new double[]{workFinal});
        return new double[]{s[0]};
    }

    /** θ changes only at the learner's steps (state times ≡ D + 1 mod P). */
    @Override
    public long holdsThrough(long t) {
        return schedule.holdsThrough(t, schedule.maxDelay() + 1);
    }

    @Override
    public String describe(int k) {
        return label + ": θ";
    }

    public Trajectory trajectory() {
        return new Trajectory(protocol.name(), repetition, theta0, theta, mean, work, thetaFinal, workFinal);
    }
}
