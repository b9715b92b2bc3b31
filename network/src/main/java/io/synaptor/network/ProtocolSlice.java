package io.synaptor.network;

import io.synaptor.scheduler.UpdateModel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One driven Langevin oscillator as the model a unit actor hosts ({@link DrivenOscillator}; seed
 * 001, docs/scenarios.md#gmm-sampler), over its coordinate of every example. What it tells its
 * couplings at each state time is, per example b, its position x_b, the protocol time t_b it is at
 * and its latest force error e_b, as three blocks [x | t | e]; its field is the couplings' forces
 * −J(t)·x_other ({@link ProtocolCouplingModel}). Two programs, both read from its own clock:
 *
 * <p><b>Training</b> (force matching or the CD-1-like rule): minibatch k is episode k, P steps long
 * with P = D + 2 for links of at most D steps (delay plus jitter). The step kP → kP+1 sets the
 * oscillator to the minibatch (positions, targets, protocol times — the data of its stream, which it
 * waits for); the couplings' forces on those positions arrive within D steps; the step
 * (k+1)P − 1 → (k+1)P measures the error from the force felt then, learns the oscillator's knots and
 * reports its share of the loss. At (k+1)P the couplings see both ends' errors and learn theirs.
 * The positions are data, so the update model plays no part.
 *
 * <p><b>Sampling</b>: from the prior N(0, T) at state time 0, the reverse-time dynamics
 * x ← x + dt·F + √(2T·dt)·ξ, step s at protocol time t_max − s·dt, the couplings' forces arriving
 * over the link delay like every drive (DESIGN.md, "Time"). Under an update model an oscillator
 * holds its positions at the steps its clock skips (drawing no noise).
 */
public final class ProtocolSlice implements SliceModel {
    private final int unit;
    private final DrivenOscillator oscillator;
    private final SplittableRandom noise;
    private final int batch;
    private final long endTime;
    // training
    private final OscillatorNetwork.Learning learning;
    private final int period;
    private double[] target;
    private double[] weight;
    // sampling
    private final OscillatorNetwork.Spec spec;
    private final UpdateModel update;
    private final double[] x;
    private final double[] t;
    private final double[] e;
    private final double[] self;
    private double[] data;   // the current minibatch: [x | target | t | λ]

    private ProtocolSlice(int unit, DrivenOscillator oscillator, SplittableRandom noise, int batch, long endTime,
                          OscillatorNetwork.Learning learning, int period, OscillatorNetwork.Spec spec, UpdateModel update) {
        this.unit = unit;
        this.oscillator = oscillator;
        this.noise = noise;
        this.batch = batch;
        this.endTime = endTime;
        this.learning = learning;
        this.period = period;
        this.spec = spec;
        this.update = update;
        this.x = new double[batch];
        this.t = new double[batch];
        this.e = new double[batch];
        this.self = new double[batch];
    }

    /**
     * Oscillator {@code unit} learning by {@code learning} over {@code steps} minibatches of {@code batch}
     * examples, each {@link #period(int)} steps long for links of at most {@code maxDelay} steps.
     */
    public static ProtocolSlice training(int unit, DrivenOscillator oscillator, OscillatorNetwork.Learning learning, int batch,
                                         long steps, int maxDelay, SplittableRandom noise) {
        int period = period(maxDelay);
        return new ProtocolSlice(unit, oscillator, noise, batch, steps * period, learning, period, null, null);
    }

    /** Oscillator {@code unit} drawing {@code samples} samples by the reverse-time dynamics of {@code spec}. */
    public static ProtocolSlice sampling(int unit, DrivenOscillator oscillator, OscillatorNetwork.Spec spec, int samples,
                                         UpdateModel update, SplittableRandom noise) {
        ProtocolSlice p = new ProtocolSlice(unit, oscillator, noise, samples, spec.samplingSteps(), null, 0, spec, update);
        System.arraycopy(oscillator.prior(samples, noise), 0, p.x, 0, samples);
        Arrays.fill(p.t, spec.samplingTime(0));
        return p;
    }

    /** P = D + 2 steps per minibatch: set, D steps for the couplings' forces to arrive, measure. */
    public static int period(int maxDelay) {
        return maxDelay + 2;
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

    @Override
    public int[] units() {
        return new int[]{unit};
    }

    @Override
    public int row() {
        return batch;
    }

    @Override
    public double[] state() {
        return x;
    }

    @Override
    public int fieldLength() {
        return batch;
    }

    @Override
    public long endTime() {
        return endTime;
    }

    /** In training, oscillator i takes its coordinate of every minibatch as stream i. */
    @Override
    public int stream(int k) {
        return learning == null ? -1 : unit;
    }

    private boolean sets(long step) {
        return learning != null && step % period == 0;
    }

    private boolean measures(long step) {
        return learning != null && step % period == period - 1;
    }

    @Override
    public boolean ready(long step, Inputs inputs) {
        if (!sets(step)) return true;
        data = inputs.of(unit, step / period);
        return data != null;
    }

    @Override
    public void step(long step, double[] field) {
        if (sets(step)) {
            System.arraycopy(data, 0, x, 0, batch);
            target = Arrays.copyOfRange(data, batch, 2 * batch);
            System.arraycopy(data, 2 * batch, t, 0, batch);
            weight = Arrays.copyOfRange(data, 3 * batch, 4 * batch);
            Arrays.fill(e, 0.0);
        } else if (measures(step)) {
            oscillator.selfForce(x, t, self);
            for (int b = 0; b < batch; b++) self[b] += field[b]; // F = −∂U/∂x + the couplings' forces
            double[] err = oscillator.errors(learning.rule(), x, self, target, learning.delta(), noise);
            System.arraycopy(err, 0, e, 0, batch);
            oscillator.learn(x, t, e, weight, learning.rate());
        } else if (learning == null) {
            if (update.updates(unit, step)) {
                oscillator.selfForce(x, t, self);
                for (int b = 0; b < batch; b++) self[b] += field[b];
                oscillator.step(x, self, noise);
            }
            Arrays.fill(t, spec.samplingTime((int) step + 1));
        }
    }

    @Override
    public double[] arrive(long step, Reports reports) {
        if (learning != null && step > 0 && step % period == 0) {
            double loss = DrivenOscillator.loss(e, weight);
            reports.report(unit, step / period - 1, new double[]{oscillator.isFinite() ? loss : Double.NaN});
        }
        double[] value = new double[3 * batch];
        System.arraycopy(x, 0, value, 0, batch);
        System.arraycopy(t, 0, value, batch, batch);
        System.arraycopy(e, 0, value, 2 * batch, batch);
        return value;
    }

    @Override
    public double[] realParts(int k) {
        return x.clone();
    }
}
