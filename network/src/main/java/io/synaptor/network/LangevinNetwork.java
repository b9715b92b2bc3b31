package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.OverdampedUnit;
import io.synaptor.neurons.SelfEnergy;
import io.synaptor.scheduler.RandomStreams;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.mult.MatrixVectorMult_DSCC;

import java.util.SplittableRandom;

/**
 * An overdamped Langevin network of double-well units with symmetric tanh couplings — the network
 * of {@code synaptor bench langevin}, set beside Brian2's figures in REFERENCES.md ("Measured on this
 * kind of machine"). Energy E = Σ_i a(s_i² − 1)² − ½ Σ_{i≠j} W_ij tanh(s_i) tanh(s_j); every unit
 * follows ds_i = −[U'(s_i) − (1 − tanh² s_i) Σ_j W_ij tanh(s_j)] dt + √(2T dt) ξ_i
 * ({@link OverdampedUnit}, Euler–Maruyama), seeing the others' tanh one step late (link delay 1).
 *
 * <p>Each pair i &lt; j is coupled with probability p, W_ij = W_ji = g·N(0, 1)/√(p(N − 1)), so a
 * unit's field has variance ≈ g² whatever N. The couplings are kept sparse (EJML CSC) and cut into
 * slices of rows: slice a holds W[a, :], the couplings into its units, and steps them from the whole
 * vector tanh(s(t)). A slice's step depends on nothing but that vector, its own states and its
 * units' noise streams, so one thread stepping the slices in turn and one actor per slice give
 * the same bits.
 */
public final class LangevinNetwork {
    /**
     * @param size         N units
     * @param connectivity p, the probability that a pair is coupled
     * @param coupling     g, the field's standard deviation at s = ±1
     * @param barrier      a, the height of the double well's barrier
     * @param temperature  T of the bath
     * @param dt           Euler–Maruyama step
     * @param seed         couplings, initial states and noise
     */
    public record Spec(int size, double connectivity, double coupling, double barrier, double temperature, double dt, long seed) {
        public Spec {
            if (size < 2) throw new IllegalArgumentException("a Langevin network needs at least 2 units, got " + size);
            if (!(connectivity > 0 && connectivity <= 1)) throw new IllegalArgumentException("connectivity must be in (0, 1], got " + connectivity);
        }
    }

    private final Spec spec;
    private final OverdampedUnit unit;
    private final Activation rho = Activation.named("tanh");
    private final SelfEnergy well;
    private final int[] from;
    private final DMatrixSparseCSC[] incoming;
    private final long couplings;

    public LangevinNetwork(Spec spec, int slices) {
        if (slices < 1 || slices > spec.size()) throw new IllegalArgumentException("slices must be in 1.." + spec.size() + ", got " + slices);
        this.spec = spec;
        this.well = SelfEnergy.doubleWell(spec.barrier());
        this.unit = new OverdampedUnit(rho, well, spec.dt(), spec.temperature());
        int n = spec.size();
        from = new int[slices + 1];
        for (int a = 0; a <= slices; a++) from[a] = (int) ((long) n * a / slices);
        DMatrixSparseTriplet[] rows = new DMatrixSparseTriplet[slices];
        int expected = (int) Math.min(Integer.MAX_VALUE / 2, 1.1 * spec.connectivity() * n * n / slices + 16);
        for (int a = 0; a < slices; a++) rows[a] = new DMatrixSparseTriplet(from[a + 1] - from[a], n, expected);
        SplittableRandom r = RandomStreams.stream(spec.seed(), RandomStreams.Kind.INIT, 0);
        double scale = spec.coupling() / Math.sqrt(spec.connectivity() * (n - 1));
        long count = 0;
        int[] sliceOf = new int[n];
        for (int a = 0; a < slices; a++) for (int u = from[a]; u < from[a + 1]; u++) sliceOf[u] = a;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() >= spec.connectivity()) continue;
                double w = scale * r.nextGaussian();
                rows[sliceOf[i]].addItem(i - from[sliceOf[i]], j, w);
                rows[sliceOf[j]].addItem(j - from[sliceOf[j]], i, w);
                count += 2;
            }
        }
        incoming = new DMatrixSparseCSC[slices];
        for (int a = 0; a < slices; a++) incoming[a] = DConvertMatrixStruct.convert(rows[a], (DMatrixSparseCSC) null);
        couplings = count;
    }

    public Spec spec() {
        return spec;
    }

    public int slices() {
        return incoming.length;
    }

    /** The first unit of slice a; its units are from(a) … from(a + 1) − 1. */
    public int from(int a) {
        return from[a];
    }

    /** Directed couplings W_ij ≠ 0 (twice the coupled pairs): synaptic updates per step. */
    public long couplings() {
        return couplings;
    }

    /** Initial states of slice a: uniform in [−1.5, 1.5], one draw per unit from the seed. */
    public double[] initialStates(int a) {
        double[] s = new double[from[a + 1] - from[a]];
        for (int k = 0; k < s.length; k++) {
            s[k] = 3.0 * RandomStreams.uniform(spec.seed(), RandomStreams.Kind.UNIT, from[a] + k, 0) - 1.5;
        }
        return s;
    }

    /** The bath of slice a's units: one stream per unit, from the seed. */
    public SplittableRandom[] noise(int a) {
        SplittableRandom[] out = new SplittableRandom[from[a + 1] - from[a]];
        for (int k = 0; k < out.length; k++) out[k] = RandomStreams.stream(spec.seed(), RandomStreams.Kind.UNIT, from[a] + k);
        return out;
    }

    /** tanh(s) of slice a's states, into {@code out} from {@code at}. */
    public void rho(double[] s, double[] out, int at) {
        for (int k = 0; k < s.length; k++) out[at + k] = rho.rho(s[k]);
    }

    /**
     * One step of slice a: s(t) → s(t + 1) in place, from ρ(t) of every unit; {@code h} is scratch
     * of the slice's size. The field is one sparse product, O(couplings into the slice).
     */
    public void step(int a, double[] s, double[] rhoAll, double[] h, SplittableRandom[] noise) {
        MatrixVectorMult_DSCC.mult(incoming[a], rhoAll, 0, h, 0);
        int first = from[a];
        boolean noisy = unit.isNoisy();
        for (int k = 0; k < s.length; k++) {
            s[k] = unit.freeStep(s[k], rhoAll[first + k], h[k], noisy ? noise[k].nextGaussian() : 0.0);
        }
    }

    /** E(s) = Σ_i a(s_i² − 1)² − ½ Σ_ij W_ij tanh(s_i) tanh(s_j), for checks (the dynamics never needs it). */
    public double energy(double[] s) {
        double[] rhoAll = new double[s.length];
        rho(s, rhoAll, 0);
        double e = 0;
        for (double v : s) e += well.energy(v);
        for (int a = 0; a < slices(); a++) {
            double[] h = new double[from[a + 1] - from[a]];
            MatrixVectorMult_DSCC.mult(incoming[a], rhoAll, 0, h, 0);
            for (int k = 0; k < h.length; k++) e -= 0.5 * rhoAll[from[a] + k] * h[k];
        }
        return e;
    }

    /** The whole network on the calling thread for {@code steps} steps; the final states. */
    public double[] run(int steps) {
        int n = spec.size();
        int slices = slices();
        double[][] s = new double[slices][];
        SplittableRandom[][] noise = new SplittableRandom[slices][];
        double[][] h = new double[slices][];
        double[] rhoAll = new double[n];
        for (int a = 0; a < slices; a++) {
            s[a] = initialStates(a);
            noise[a] = noise(a);
            h[a] = new double[s[a].length];
        }
        for (int t = 0; t < steps; t++) {
            for (int a = 0; a < slices; a++) rho(s[a], rhoAll, from[a]);
            for (int a = 0; a < slices; a++) step(a, s[a], rhoAll, h[a], noise[a]);
        }
        double[] out = new double[n];
        for (int a = 0; a < slices; a++) System.arraycopy(s[a], 0, out, from[a], s[a].length);
        return out;
    }
}
