package io.synaptor.network;

import io.synaptor.scheduler.UpdateModel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One driven Langevin oscillator as the model a unit actor hosts ({@link DrivenOscillator}; seed
 * 001, docs/scenarios.md#gmm-sampler), over its coordinate of every example; its field is the
 * couplings' forces −J(t)·x_other ({@link ProtocolCouplingModel}). Two programs, both read from its
 * own clock:
 *
 * <p><b>Training</b> (force matching or the CD-1-like rule): minibatch k is presented for P steps,
 * P = D + 1 for links of at most D steps (delay plus jitter). The step kP → kP+1 first measures the
 * error of minibatch k − 1 from the force felt then — the couplings' forces on its positions have had
 * D steps to arrive — learns the oscillator's knots from it and reports its share of the loss, and
 * then sets the oscillator to minibatch k (positions, targets, protocol times: the data of its stream,
 * which it waits for). It tells its couplings, per example, [x | t | e | x' | t' | λ']: the positions in
 * force and their protocol times, and the errors just measured with the positions, times and weights
 * λ(t') they were measured at, so at kP+1 each coupling sees both ends' errors and learns. The positions are data, so
 * the update model plays no part.
 *
 * <p><b>Sampling</b>: from the prior N(0, T) at state time 0, the reverse-time dynamics
 * x ← x + dt·F + √(2T·dt)·ξ, step s at protocol time t_max − s·dt, the couplings' forces arriving
 * over the link delay like every drive (DESIGN.md, "Time"). It tells its couplings [x | t]. Under an
 * update model an oscillator holds its positions at the steps its clock skips (drawing no noise).
 */
public final class ProtocolSlice extends OneUnitSlice {
    /** Blocks of a value: training [x | t | e | x' | t' | λ'], sampling [x | t]. */
    public static final int TRAINING_BLOCKS = 6;
    public static final int SAMPLING_BLOCKS = 2;

    private final DrivenOscillator oscillator;
    private final SplittableRandom noise;
    private final int batch;
    private final OscillatorNetwork.Learning learning; // null: sampling
    private final int period;
    private final long steps;
    private final OscillatorNetwork.Spec spec;
    private final UpdateModel update;
    private final double[] x;
    private final double[] t;
    private final double[] self;
    private double[] e;        // the last minibatch's errors, its positions and times, its targets and weights
    private double[] measuredX;
    private double[] measuredT;
    private double[] measuredWeight;
    private double[] target;
    private double[] weight;
    private double[] data;     // the next minibatch: [x | target | t | λ]
    private double loss;       // the last measured minibatch's share of the loss

    private ProtocolSlice(int unit, DrivenOscillator oscillator, SplittableRandom noise, int batch, long endTime,
                          OscillatorNetwork.Learning learning, int period, long steps, OscillatorNetwork.Spec spec, UpdateModel update) {
        super(unit, batch, endTime);
        this.oscillator = oscillator;
        this.noise = noise;
        this.batch = batch;
        this.learning = learning;
        this.period = period;
        this.steps = steps;
        this.spec = spec;
        this.update = update;
        this.x = state;
        this.t = new double[batch];
        this.self = new double[batch];
        this.e = new double[batch];
        this.measuredX = new double[batch];
        this.measuredT = new double[batch];
        this.measuredWeight = new double[batch];
    }

    /**
     * Oscillator {@code unit} learning by {@code learning} over {@code steps} minibatches of {@code batch}
     * examples, each presented for {@link #period(int)} steps, for links of at most {@code maxDelay} steps.
     */
    public static ProtocolSlice training(int unit, DrivenOscillator oscillator, OscillatorNetwork.Learning learning, int batch,
                                         long steps, int maxDelay, SplittableRandom noise) {
        int period = period(maxDelay);
        return new ProtocolSlice(unit, oscillator, noise, batch, endTime(steps, maxDelay), learning, period, steps, null, null);
    }

    /** Oscillator {@code unit} drawing {@code samples} samples by the reverse-time dynamics of {@code spec}. */
    public static ProtocolSlice sampling(int unit, DrivenOscillator oscillator, OscillatorNetwork.Spec spec, int samples,
                                         UpdateModel update, SplittableRandom noise) {
        ProtocolSlice p = new ProtocolSlice(unit, oscillator, noise, samples, spec.samplingSteps(), null, 0, 0, spec, update);
        System.arraycopy(oscillator.prior(samples, noise), 0, p.x, 0, samples);
        Arrays.fill(p.t, spec.samplingTime(0));
        return p;
    }

    /** P = D + 1 steps per minibatch: the couplings' forces on its positions need D steps to arrive. */
    public static int period(int maxDelay) {
        return maxDelay + 1;
    }

    /** The last state time of training on {@code steps} minibatches: the last is measured at step steps·P. */
    public static long endTime(long steps, int maxDelay) {
        return steps * period(maxDelay) + 1;
    }

    /** The values a slice's data message carries for one minibatch: [x | target | t | λ], each {@code batch} long. */
    public static double[] data(double[] x, double[] target, double[] t, double[] weight) {
        int b = t.length;
        double[] d = new double[4 * b];
        System.arraycopy(x, 0, d, 0, b);
        System.arraycopy(target, 0, d, b, b);
        System.arraycopy(t, 0, d, 2 * b, b);
        System.arraycopy(weight, 0, d, 3 * b, b);
        return d;
    }

    /** In training, oscillator i takes its coordinate of every minibatch as stream i. */
    @Override
    public int stream(int k) {
        return learning == null ? -1 : unit();
    }

    /** The minibatch the step sets, or −1 (sampling, between presentations, after the last). */
    private long sets(long step) {
        if (learning == null || step % period != 0) return -1;
        long k = step / period;
        return k < steps ? k : -1;
    }

    @Override
    public boolean ready(long step, Inputs inputs) {
        long k = sets(step);
        if (k < 0) return true;
        data = inputs.of(unit(), k);
        return data != null;
    }

    @Override
    public void step(long step, double[] field) {
        if (learning == null) {
            if (update.updates(unit(), step)) {
                force(field);
                oscillator.step(x, self, noise);
            }
            Arrays.fill(t, spec.samplingTime((int) step + 1));
            return;
        }
        if (step % period != 0) return;
        if (step > 0) { // the minibatch presented since step − P is measured
            force(field);
            e = oscillator.errors(learning.rule(), x, self, target, learning.delta(), noise);
            oscillator.learn(x, t, e, weight, learning.rate());
            loss = oscillator.isFinite() ? DrivenOscillator.loss(e, weight) : Double.NaN;
            measuredX = x.clone();
            measuredT = t.clone();
            measuredWeight = weight;
        }
        if (sets(step) >= 0) {
            System.arraycopy(data, 0, x, 0, batch);
            target = Arrays.copyOfRange(data, batch, 2 * batch);
            System.arraycopy(data, 2 * batch, t, 0, batch);
            weight = Arrays.copyOfRange(data, 3 * batch, 4 * batch);
        }
    }

    /** F = −∂U/∂x at (x, t) plus the couplings' forces, into {@code self}. */
    private void force(double[] field) {
        oscillator.selfForce(x, t, self);
        for (int b = 0; b < batch; b++) self[b] += field[b];
    }

    @Override
    public double[] arrive(long step, Reports reports) {
        if (learning == null) {
            double[] value = new double[SAMPLING_BLOCKS * batch];
            System.arraycopy(x, 0, value, 0, batch);
            System.arraycopy(t, 0, value, batch, batch);
            return value;
        }
        if (step > 1 && step % period == 1) reports.report(unit(), step / period - 1, new double[]{loss});
        double[] value = new double[TRAINING_BLOCKS * batch];
        System.arraycopy(x, 0, value, 0, batch);
        System.arraycopy(t, 0, value, batch, batch);
        System.arraycopy(e, 0, value, 2 * batch, batch);
        System.arraycopy(measuredX, 0, value, 3 * batch, batch);
        System.arraycopy(measuredT, 0, value, 4 * batch, batch);
        System.arraycopy(measuredWeight, 0, value, 5 * batch, batch);
        return value;
    }

    /** In training the value changes only when a minibatch is set (state times ≡ 1 mod P): it holds until the next. */
    @Override
    public long holdsThrough(long t) {
        if (learning == null) return t;
        long next = t < 1 ? 1 : t + period - Math.floorMod(t - 1, period); // the next state time ≡ 1 mod P after t
        return Math.min(next - 1, endTime());
    }
}
