package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.Leapfrog;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.ParameterStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One second-order unit of a Hamiltonian network ({@link EchoNetwork}) as the model a unit actor hosts,
 * over its entries of a minibatch of sequences, running Hamiltonian echo learning ({@link EchoProgram})
 * on its own clock. At each grid time it tells its couplings φ(y½), y½ = y + ½dt·z, and at the step
 * before the next grid time it takes the leapfrog step under the field in force, [f | κ] per example
 * (f the couplings', inputs' and — added here — bias's drive, κ the springs' stiffness):
 * ∂V/∂y(y½) = (α + κ)·y½ − φ'(y½)·(b + f) (REFERENCES.md, "Hamiltonian echo learning").
 *
 * <p>At the pass boundaries it jumps, from what it kept itself: to rest for a forward pass; to
 * (y_T, −z_T + ε·g_T) for an echo, adding ε·g_t to its momentum after each echo step that lands on y_t,
 * where g_t = y_t − target_t on an output at a loss step (kept from the forward pass, T + 1 numbers per
 * example) and 0 elsewhere. It learns its bias and stiffness from ∂V/∂b = −φ(y½) and ∂V/∂α = ½y½²
 * summed over each echo, as its couplings learn W ({@link EchoCoupling}). An output reports its loss per
 * minibatch and keeps its mean position over the loss steps (the readout).
 */
public final class EchoSlice extends OneUnitSlice {
    private final EchoProgram program;
    private final Leapfrog leapfrog;
    private final Activation phi;
    private final UpdateModel update;
    private final int batch;
    private final int output;            // index among the outputs, or −1
    private final Sequences data;
    private final int[][] minibatches;
    private final int perEpoch;
    private final boolean[] learns;      // bias, stiffness
    private final double rate;
    private final ParameterStep steps;
    private double bias, stiffness;
    private final double[] y, z, half, yEnd, zEnd, readout;
    private final double[][] g;          // g_t per example, outputs only
    private double[][] target;
    private double[] value;
    private final double[] first = new double[2], second = new double[2]; // Σ ∂V/∂(b, α) over each echo
    private double lastBiasGradient = Double.NaN, lastStiffnessGradient = Double.NaN;
    private double loss;
    private final List<double[]> readouts = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> returns = new ArrayList<>();

    /**
     * @param unit        the unit
     * @param output      its index among the outputs, or −1
     * @param init        the network's initial parameters (this unit's bias and stiffness are read)
     * @param minibatches the examples of each episode, all of one size
     * @param perEpoch    episodes per epoch (Adam's moments restart each epoch)
     * @param rate        η (0: nothing learns — a gradient check)
     * @param update      when the unit steps (null: at every leapfrog step)
     */
    public EchoSlice(EchoNetwork net, int unit, int output, EchoNetwork.Parameters init, EchoProgram program, Sequences data,
                     int[][] minibatches, int perEpoch, double rate, Optimizer optimizer, UpdateModel update) {
        super(unit, minibatches.length == 0 ? 0 : minibatches[0].length, program.endTime());
        this.program = program;
        this.leapfrog = net.leapfrog();
        this.phi = net.phi();
        this.update = update;
        this.batch = state.length;
        this.output = output;
        this.data = data;
        this.minibatches = minibatches;
        this.perEpoch = perEpoch;
        this.learns = new boolean[]{net.learns(EchoNetwork.Group.BIASES), net.learns(EchoNetwork.Group.STIFFNESSES)};
        this.rate = rate;
        this.steps = new ParameterStep(optimizer, new double[]{rate, rate});
        this.bias = init.bias()[unit];
        this.stiffness = init.stiffness()[unit];
        this.y = state;
        this.z = new double[batch];
        this.half = new double[batch];
        this.yEnd = new double[batch];
        this.zEnd = new double[batch];
        this.readout = new double[batch];
        this.g = output >= 0 ? new double[program.steps() + 1][batch] : null;
        this.value = new double[batch];
    }

    /** Two entries per example: f, then κ. */
    @Override
    public int fieldLength() {
        return 2 * batch;
    }

    @Override
    public void step(long t, double[] field) {
        if (!program.takesStep(t)) return;
        long n = t / program.period();
        if (update != null && !update.updates(unit(), n)) return; // an unscheduled unit holds its state through the step
        for (int b = 0; b < batch; b++) {
            double h = half[b];
            double force = (stiffness + field[batch + b]) * h - phi.rhoPrime(h) * (bias + field[b]);
            z[b] = leapfrog.kick(z[b], force);
            y[b] = leapfrog.drift(h, z[b]);
        }
    }

    @Override
    public double[] arrive(long t, Reports reports) {
        long n = program.gridIndex(t);
        if (n < 0) return value;
        int steps = program.steps();
        long r = n % program.stepsPerEpisode();
        long e = program.episode(n);
        int pass = program.pass(n);
        int k = program.stepInPass(n);
        if (r == 0) {
            if (e > 0) finishEpisode(e - 1, reports);
            if (e < program.episodes()) startEpisode(e);
        } else if (pass == EchoProgram.FORWARD) {
            record(k);
        }
        if (r == steps) { // the forward pass's end is the first echo's start
            record(steps);
            System.arraycopy(y, 0, yEnd, 0, batch);
            System.arraycopy(z, 0, zEnd, 0, batch);
            startEcho(EchoProgram.FIRST_ECHO);
        } else if (r == 2L * steps) {
            double worst = 0; // at ε = 0 the first echo is back at rest, (y_0, −z_0) = (0, 0), up to round-off
            for (int b = 0; b < batch; b++) worst = Math.max(worst, Math.max(Math.abs(y[b]), Math.abs(z[b])));
            returns.add(worst);
            startEcho(EchoProgram.SECOND_ECHO);
        } else if (pass != EchoProgram.FORWARD && k > 0 && g != null) {
            double eps = program.nudge(pass);
            for (int b = 0; b < batch; b++) z[b] += eps * g[steps - k][b];
        }
        value = new double[batch];
        for (int b = 0; b < batch; b++) {
            half[b] = leapfrog.half(y[b], z[b]);
            value[b] = phi.rho(half[b]);
        }
        if (pass != EchoProgram.FORWARD && e < program.episodes()) {
            double[] s = pass == EchoProgram.FIRST_ECHO ? first : second;
            for (int b = 0; b < batch; b++) {
                s[0] += -value[b];
                s[1] += 0.5 * half[b] * half[b];
            }
        }
        return value;
    }

    private void startEpisode(long e) {
        Arrays.fill(y, 0.0);
        Arrays.fill(z, 0.0);
        Arrays.fill(readout, 0.0);
        loss = 0;
        if (g != null) target = data.target(output, minibatches[(int) e]);
    }

    /** The forward pass is at y_t: on an output, g_t and the loss and readout of a loss step. */
    private void record(int t) {
        if (g == null || !data.lossAt()[t - 1]) return;
        for (int b = 0; b < batch; b++) {
            double d = y[b] - target[t - 1][b];
            g[t][b] = d;
            loss += 0.5 * d * d;
            readout[b] += y[b];
        }
    }

    private void startEcho(int pass) {
        double eps = program.nudge(pass);
        for (int b = 0; b < batch; b++) {
            y[b] = yEnd[b];
            z[b] = -zEnd[b] + (g == null ? 0.0 : eps * g[program.steps()][b]);
        }
    }

    /** Both echoes are summed: the bias and stiffness learn; an output reports its loss and keeps its readout. */
    private void finishEpisode(long e, Reports reports) {
        double dt = leapfrog.dt();
        lastBiasGradient = program.gradient(dt, first[0], second[0]);
        lastStiffnessGradient = program.gradient(dt, first[1], second[1]);
        int epoch = (int) (e / perEpoch);
        if (learns[0]) bias += steps.step(0, epoch, -rate * lastBiasGradient / batch);
        if (learns[1]) stiffness += steps.step(1, epoch, -rate * lastStiffnessGradient / batch);
        Arrays.fill(first, 0.0);
        Arrays.fill(second, 0.0);
        if (g == null) return;
        double[] mean = new double[batch];
        for (int b = 0; b < batch; b++) mean[b] = readout[b] / data.lossSteps();
        readouts.add(mean);
        losses.add(loss);
        reports.report(unit(), e, new double[]{loss});
    }

    @Override
    public long holdsThrough(long t) {
        return program.holdsThrough(t);
    }

    @Override
    public String describe(int k) {
        return "unit " + unit() + (output >= 0 ? " (output " + output + ")" : "");
    }

    @Override
    public double bias(int k) {
        return bias;
    }

    @Override
    public double lastBiasGradient(int k) {
        return lastBiasGradient;
    }

    public double stiffness() {
        return stiffness;
    }

    public double lastStiffnessGradient() {
        return lastStiffnessGradient;
    }

    /** Per episode, each example's mean position over the loss steps (outputs only). */
    public List<double[]> readouts() {
        return readouts;
    }

    /** Per episode, the loss of this output's positions summed over the minibatch. */
    public List<Double> losses() {
        return losses;
    }

    /** Per episode, the largest |y| or |z| where the first echo ends (at ε = 0: how far time reversal missed rest). */
    public List<Double> returns() {
        return returns;
    }
}
