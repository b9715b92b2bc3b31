package io.synaptor.network;

import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.NudgeShape;

import java.util.BitSet;

/**
 * Did the relaxation converge? Each host of units (a unit actor, a slice, the synchronous
 * simulation) measures its own residual |ds/dt| at the end of every phase the learning reads — the
 * free phase of every episode, and each nudged phase of a training episode — and keeps the
 * statistics here, off the messages: per epoch the largest residual of the free and of the nudged
 * phases, and which examples had a residual above the threshold anywhere (issue 17).
 *
 * <p>The residual of example b is the size of the unit's last deterministic Euler step divided by
 * dt, |clip(s − dt·∂F/∂s) − s| / dt ({@link io.synaptor.neurons.UnitDynamics#residual}), taken at
 * the phase's last step with the field, β and target that step uses: exactly |s(τ) − s(τ−1)|/dt
 * at T = 0, τ the sample time, and at T &gt; 0 the drift without the noise. At a fixed point it is 0;
 * a relaxation cut short leaves it of the order of the distance still to go times the slowest rate;
 * explicit Euler past its stability limit (dt·λ_max(H) &gt; 2) settles into a period-2 oscillation
 * whose residual is twice its amplitude over dt, whatever the number of steps.
 *
 * <p>Not checked: a phase's last step when it is a reset or a restore step (a phase of one step);
 * a clamped output (CHL's second phase); the nudged part of an oscillating nudge (online
 * holomorphic EP, no fixed point to reach). Times are the run's schedule's, not a skewed clock's.
 * One object per host, O(1) per step (a comparison) and O(batch) per check, no allocation on the
 * way unless an example fails (then a bit is set).
 */
public final class RelaxationResidual {
    /**
     * The tolerance of a spec that names none. The scenarios set their own (time.tolerance: 0.1 for
     * training, 1e-6 for the gradient scenarios; docs/scenarios.md, "Relaxation check", has the
     * measurements: a period-2 oscillation leaves 0.35–0.46, a converged relaxation ~1e-15).
     */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** How many noise scales √(2T/dt) the threshold allows above the tolerance at T &gt; 0. */
    public static final double THERMAL_ALLOWANCE = 6.0;

    private final NudgeSchedule schedule;
    private final int batch;
    private final double threshold;
    private final int firstEpoch;
    private final double[] freeMax;
    private final double[] nudgedMax;
    private BitSet unconverged; // bit episode·batch + b; null until an example fails
    private long episode;
    private int point = -1;     // 0: the free phase's end; k ≥ 1: nudged phase k − 1's end
    private int epoch;
    private long nextStep;

    /**
     * The threshold a residual must not exceed: the tolerance at T = 0; at T &gt; 0 the drift at a
     * sample also carries the thermal spread (about √(Tλ), below √(2T/dt) for a stable step), so
     * the threshold adds {@link #THERMAL_ALLOWANCE}·√(2T/dt): the check then catches only what
     * dwarfs the noise (blow-ups, oscillations larger than the spread).
     */
    public static double threshold(double tolerance, double dt, double temperature) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("the relaxation tolerance must be positive, got " + tolerance);
        return temperature > 0 ? tolerance + THERMAL_ALLOWANCE * Math.sqrt(2.0 * temperature / dt) : tolerance;
    }

    public RelaxationResidual(NudgeSchedule schedule, int batch, double threshold) {
        this.schedule = schedule;
        this.batch = batch;
        this.threshold = threshold;
        this.firstEpoch = schedule.epochOf(0);
        int epochs = schedule.epochOf(schedule.episodes() - 1) - firstEpoch + 1;
        this.freeMax = new double[epochs];
        this.nudgedMax = new double[epochs];
        moveOn();
    }

    /** The next step whose drift ends a checked phase (its state time + 1 is the sample time), or Long.MAX_VALUE. */
    public long nextStep() {
        return nextStep;
    }

    /** The residual |ds/dt| of example b (of one unit) at {@link #nextStep()}. */
    public void record(int b, double residual) {
        double[] max = point == 0 ? freeMax : nudgedMax;
        if (!(residual <= max[epoch])) max[epoch] = Double.isNaN(max[epoch]) ? max[epoch] : residual; // NaN stays
        if (!(residual <= threshold)) {
            long bit = episode * batch + b;
            if (bit <= Integer.MAX_VALUE) {
                if (unconverged == null) unconverged = new BitSet();
                unconverged.set((int) bit);
            }
        }
    }

    /** The host is done with step {@code step}: if it was a check (measured or not), go to the next one. */
    public void passed(long step) {
        if (step >= nextStep) moveOn();
    }

    private void moveOn() {
        long episodes = schedule.episodes();
        while (episode < episodes) {
            if (++point < checks(episode)) {
                long time = point == 0 ? schedule.freeSampleTime(episode) : schedule.pointSampleTime(episode, point - 1);
                epoch = schedule.epochOf(episode) - firstEpoch;
                nextStep = time - 1;
                return;
            }
            episode++;
            point = -1;
        }
        nextStep = Long.MAX_VALUE;
    }

    /**
     * Phases checked in an episode: the free phase, then every nudged phase of a training episode. A nudge that
     * keeps turning never lets the state settle by design — an oscillating one (no free phase either) and a
     * multiplexed one, whose phases each hold a new β_k(τ) — so only a multiplexed episode's free phase is checked:
     * the lag behind the turning nudge is the estimate's own error, which multiplex-check measures. Staggered tasks
     * leave no phase free of every nudge: nothing is checked (the caller says so).
     */
    private int checks(long e) {
        if (!schedule.isTraining(e)) return 1;
        NudgeShape shape = schedule.shape();
        return switch (shape.form()) {
            case OSCILLATING -> 0;
            case MULTIPLEX -> shape.stagger() == 1 ? 1 : 0;
            default -> 1 + shape.points();
        };
    }

    public Stats stats() {
        return new Stats(firstEpoch, batch, threshold, freeMax.clone(), nudgedMax.clone(),
                unconverged == null ? new long[0] : unconverged.toLongArray());
    }

    /**
     * What one or more hosts measured: per epoch (index 0 = {@code firstEpoch}) the largest free and
     * nudged residual (0 where nothing was measured), and the examples, as bits episode·batch + b,
     * whose residual exceeded {@code threshold} at some checked phase end in some unit.
     */
    public record Stats(int firstEpoch, int batch, double threshold, double[] freeMax, double[] nudgedMax, long[] unconverged) {

        /** Nothing measured (a run without free units). */
        public static Stats none() {
            return new Stats(0, 1, Double.POSITIVE_INFINITY, new double[0], new double[0], new long[0]);
        }

        /** The statistics of two hosts of the same run, or of a run's hosts so far. */
        public Stats merge(Stats o) {
            if (freeMax.length == 0 && unconverged.length == 0) return o;
            if (o.freeMax.length == 0 && o.unconverged.length == 0) return this;
            BitSet bits = BitSet.valueOf(unconverged);
            bits.or(BitSet.valueOf(o.unconverged));
            return new Stats(firstEpoch, batch, threshold, max(freeMax, o.freeMax), max(nudgedMax, o.nudgedMax), bits.toLongArray());
        }

        private static double[] max(double[] a, double[] b) {
            double[] m = new double[Math.max(a.length, b.length)];
            for (int k = 0; k < m.length; k++) {
                m[k] = Math.max(k < a.length ? a[k] : 0.0, k < b.length ? b[k] : 0.0); // NaN wins
            }
            return m;
        }

        /** The largest residual (free or nudged) over the run; NaN if a unit's was NaN. */
        public double max() {
            double m = 0.0;
            for (int e = 0; e < freeMax.length; e++) m = Math.max(m, epochMax(firstEpoch + e));
            return m;
        }

        /** The largest residual of an absolute epoch (0 outside the run). */
        public double epochMax(int absoluteEpoch) {
            int e = absoluteEpoch - firstEpoch;
            return e < 0 || e >= freeMax.length ? 0.0 : Math.max(freeMax[e], nudgedMax[e]);
        }
    }
}
