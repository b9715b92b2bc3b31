package io.synaptor.network;

import io.synaptor.synapses.OneSynapse;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.ParameterStep;

/**
 * One coupling of a Hamiltonian network ({@link EchoNetwork}) — between two units, or from an input
 * channel to a unit — as the model a synapse actor hosts, learning by Hamiltonian echo learning
 * ({@link EchoProgram}) from what it sees at its two ends on its own clock. The drive each end feels is
 * [f | κ] per example ({@link EchoSlice}): W·v_other and 0 for a pairwise coupling or an input link,
 * W·y½_other and W for a spring. At every echo step it adds ∂V/∂W at the half step — −v_i·v_j, or
 * ½(v_i − v_j)² for a spring — over the minibatch to that echo's sum, and at the episode's last step
 * takes ĝ = −dt·[S₁ − S₂]/(2ε) (or /ε one-sided) and steps W (REFERENCES.md, "Hamiltonian echo learning").
 */
public final class EchoCoupling extends OneSynapse {
    private final EchoNetwork.Kind kind;
    private final EchoProgram program;
    private final double dt;
    private final double rate;
    private final int perEpoch;
    private final ParameterStep steps;
    private double w;
    private double first, second;
    private double lastGradient = Double.NaN;

    /**
     * @param id       the coupling's index among the run's synapses
     * @param rate     η (0: W holds — a gradient check)
     * @param perEpoch episodes per epoch
     */
    public EchoCoupling(int id, EchoNetwork.Kind kind, double w, EchoProgram program, double dt, double rate, Optimizer optimizer,
                        int perEpoch) {
        super(id);
        this.kind = kind;
        this.program = program;
        this.dt = dt;
        this.rate = rate;
        this.perEpoch = perEpoch;
        this.steps = new ParameterStep(optimizer, new double[]{rate});
        this.w = w;
    }

    /** ∂V_c/∂W at the half step from the ends' values: −v_i·v_j, or ½(v_i − v_j)² for a spring (values = positions). */
    public static double energyDerivative(EchoNetwork.Kind kind, double vi, double vj) {
        if (kind == EchoNetwork.Kind.SPRING) {
            double d = vi - vj;
            return 0.5 * d * d;
        }
        return -vi * vj;
    }

    @Override
    public double weight(int cell) {
        return w;
    }

    @Override
    public double lastGradient(int cell) {
        return lastGradient;
    }

    @Override
    public long nextSampleTime(long t) {
        return program.nextEchoTime(t);
    }

    @Override
    public long nextUpdateTime(long t) {
        return program.nextLearningTime(t);
    }

    @Override
    public boolean learn(long tau, double[] valueI, double[] valueJ) {
        long n = tau / program.period();
        double s = 0;
        for (int b = 0; b < valueI.length; b++) s += energyDerivative(kind, valueI[b], valueJ[b]);
        if (program.pass(n) == EchoProgram.FIRST_ECHO) first += s;
        else second += s;
        if ((n + 1) % program.stepsPerEpisode() != 0) return false;
        lastGradient = program.gradient(dt, first, second);
        first = 0;
        second = 0;
        if (rate == 0) return false;
        w += steps.step(0, (int) (program.episode(n) / perEpoch), -rate * lastGradient / valueI.length);
        return true;
    }

    @Override
    public int diverged() {
        return Double.isFinite(w) ? -1 : 0;
    }

    @Override
    public double[] driveToI(long tau, double[] valueJ) {
        return drive(valueJ);
    }

    @Override
    public double[] driveToJ(long tau, double[] valueI) {
        return drive(valueI);
    }

    private double[] drive(double[] other) {
        int batch = other.length;
        double[] d = new double[2 * batch];
        for (int b = 0; b < batch; b++) d[b] = w * other[b];
        if (kind == EchoNetwork.Kind.SPRING) java.util.Arrays.fill(d, batch, 2 * batch, w);
        return d;
    }
}
