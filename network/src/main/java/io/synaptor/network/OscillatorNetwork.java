package io.synaptor.network;

import io.synaptor.neurons.LangevinOscillator;
import io.synaptor.synapses.DrivingProtocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A network of N driven Langevin oscillators with symmetric bilinear couplings on any graph, as one
 * synchronous, single-threaded object: the reference the actors are checked against (it is never
 * used to train them). E(x, t) = Σ_i [a_i(t)/2·x_i² + b_i(t)·x_i + c_i(t)/4·x_i⁴] + Σ_(ij) J_ij(t)·x_i·x_j,
 * every parameter piecewise linear over the same K knots on [0, t_max]; sampling runs the reverse-time
 * dynamics x ← x + dt·F(x, t) + √(2T·dt)·ξ, F = −∂E/∂x, from the prior N(0, T) at t_max down to
 * t_min (this design, docs/scenarios.md#gmm-sampler). Each oscillator i's force sums its self force
 * and its couplings' forces in increasing coupling index, the order the actors use, so both give the
 * same bits.
 */
public final class OscillatorNetwork {

    /**
     * @param couplings       the graph's edges {i, j}, i ≠ j, each at most once
     * @param dt              the sampling step
     * @param initialStiffness a₀: the untrained protocol a = a₀, b = c = J = 0 (a₀ = 1: the prior's own trap)
     */
    public record Spec(int size, List<int[]> couplings, NoisingSchedule schedule, int knots, double dt, double initialStiffness) {
        public Spec {
            if (size < 1) throw new IllegalArgumentException("need at least one oscillator, got " + size);
            couplings = List.copyOf(couplings);
            for (int[] e : couplings) {
                if (e.length != 2 || e[0] == e[1] || e[0] < 0 || e[1] < 0 || e[0] >= size || e[1] >= size) {
                    throw new IllegalArgumentException("bad coupling " + Arrays.toString(e) + " for " + size + " oscillators");
                }
            }
            if (!(dt > 0) || dt >= schedule.tMax() - schedule.tMin()) {
                throw new IllegalArgumentException("the sampling step must be in (0, t_max − t_min), got " + dt);
            }
        }

        public DrivingProtocol protocol() {
            return new DrivingProtocol(knots, schedule.tMax());
        }

        /** S = round((t_max − t_min)/dt) reverse-time steps. */
        public int samplingSteps() {
            return (int) Math.round((schedule.tMax() - schedule.tMin()) / dt);
        }

        /** The protocol time of sampling step s, t_max − s·dt. */
        public double samplingTime(int s) {
            return schedule.tMax() - s * dt;
        }

        /** Per oscillator, its couplings' indices in increasing order. */
        public int[][] incidence() {
            List<List<Integer>> in = new ArrayList<>();
            for (int i = 0; i < size; i++) in.add(new ArrayList<>());
            for (int c = 0; c < couplings.size(); c++) {
                in.get(couplings.get(c)[0]).add(c);
                in.get(couplings.get(c)[1]).add(c);
            }
            return in.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        }

        public DrivenOscillator oscillator() {
            return new DrivenOscillator(protocol(), initialStiffness, new LangevinOscillator(schedule.temperature(), dt));
        }

        public DrivenCoupling coupling(int c) {
            return new DrivenCoupling(couplings.get(c)[0], couplings.get(c)[1], protocol());
        }
    }

    /**
     * What a rule needs: the rule, its learning rate η for the oscillators' knots, η_J for the
     * couplings' knots, and (CD-1) the observed step Δ. A densely coupled oscillator feels many
     * couplings at once, so their rate is set apart (mnist01-oscillators); gmm-sampler uses η_J = η.
     */
    public record Learning(ProtocolRule rule, double rate, double delta, double couplingRate) {
        public Learning(ProtocolRule rule, double rate, double delta) {
            this(rule, rate, delta, rate);
        }
    }

    private final Spec spec;
    private final DrivenOscillator[] oscillators;
    private final DrivenCoupling[] couplings;
    private final int[][] incidence;

    public OscillatorNetwork(Spec spec) {
        this.spec = spec;
        this.oscillators = new DrivenOscillator[spec.size()];
        for (int i = 0; i < oscillators.length; i++) oscillators[i] = spec.oscillator();
        this.couplings = new DrivenCoupling[spec.couplings().size()];
        for (int c = 0; c < couplings.length; c++) couplings[c] = spec.coupling(c);
        this.incidence = spec.incidence();
    }

    /** Each oscillator's force: its self force at (x, t), its couplings' from the others' positions {@code seen} at {@code seenT}. */
    private double[][] forces(double[][] x, double[] t, double[][] seen, double[] seenT) {
        int n = t.length;
        double[][] f = new double[x.length][n];
        double[] drive = new double[n];
        for (int i = 0; i < x.length; i++) {
            oscillators[i].selfForce(x[i], t, f[i]);
            for (int c : incidence[i]) {
                DrivenCoupling k = couplings[c];
                k.force(seen[k.first() == i ? k.second() : k.first()], seenT, drive);
                for (int b = 0; b < n; b++) f[i][b] += drive[b];
            }
        }
        return f;
    }

    /** One minibatch of a rule; returns the minibatch loss Σ_b Σ_i ½λ_b e_ib² (summed over i in order). */
    public double train(DenoisingBatches.Batch batch, Learning learning, SplittableRandom[] noise) {
        double[][] f = forces(batch.x(), batch.t(), batch.x(), batch.t());
        double[][] e = new double[oscillators.length][];
        double loss = 0;
        for (int i = 0; i < oscillators.length; i++) {
            e[i] = oscillators[i].errors(learning.rule(), batch.x()[i], f[i], batch.target()[i], learning.delta(), noise[i]);
            loss += DrivenOscillator.loss(e[i], batch.weight());
        }
        for (int i = 0; i < oscillators.length; i++) oscillators[i].learn(batch.x()[i], batch.t(), e[i], batch.weight(), learning.rate());
        for (DrivenCoupling k : couplings) {
            k.learn(batch.t(), batch.x()[k.first()], e[k.first()], batch.x()[k.second()], e[k.second()], batch.weight(), learning.couplingRate());
        }
        return loss;
    }

    /**
     * n samples of the reverse-time dynamics, by oscillator then sample; null if a state left the
     * finite numbers. A coupling's force travels its link delay D ≥ 1 as a whole (DESIGN.md, "Time"):
     * step s feels −J(t_{s'})·x_other(s'), s' = max(0, s − D), as the actors do.
     */
    public double[][] sample(int n, SplittableRandom[] noise, int delay) {
        double[][] x = new double[oscillators.length][];
        for (int i = 0; i < x.length; i++) x[i] = oscillators[i].prior(n, noise[i]);
        ArrayDeque<double[][]> past = new ArrayDeque<>(); // the positions of steps s − D … s, oldest first
        double[] t = new double[n];
        double[] seenT = new double[n];
        double[][] seen = copy(x);
        for (int s = 0; s < spec.samplingSteps(); s++) {
            Arrays.fill(t, spec.samplingTime(s));
            past.addLast(copy(x));
            if (s >= delay) seen = past.pollFirst(); // x(s − D)
            Arrays.fill(seenT, spec.samplingTime(Math.max(0, s - delay)));
            double[][] f = forces(x, t, seen, seenT);
            for (int i = 0; i < x.length; i++) {
                oscillators[i].step(x[i], f[i], noise[i]);
                for (double v : x[i]) if (!Double.isFinite(v)) return null;
            }
        }
        return x;
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }

    public DrivenOscillator oscillator(int i) {
        return oscillators[i];
    }

    public DrivenCoupling coupling(int c) {
        return couplings[c];
    }
}
