package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.DoubleWellUnit;
import io.synaptor.neurons.OverdampedUnit;
import io.synaptor.neurons.SelfEnergy;
import io.synaptor.scheduler.RandomStreams;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.mult.MatrixVectorMult_DSCC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An overdamped Langevin network of double-well units with symmetric tanh couplings — the network
 * of {@code synaptor bench langevin}, set beside Brian2's figures in REFERENCES.md ("Measured on this
 * kind of machine"). Energy E = Σ_i a(s_i² − 1)² − ½ Σ_{i≠j} W_ij tanh(s_i) tanh(s_j); every unit
 * follows ds_i = −[U'(s_i) − (1 − tanh² s_i) Σ_j W_ij tanh(s_j)] dt + √(2T dt) ξ_i
 * ({@link OverdampedUnit}, Euler–Maruyama).
 *
 * <p>Each pair i &lt; j is coupled with probability p, W_ij = W_ji = g·N(0, 1)/√(p(N − 1)), so a
 * unit's field has variance ≈ g² whatever N. {@link #network} is this network as a
 * {@link NetworkSpec} (every unit hidden, {@link DoubleWellUnit}s, no learning) for the common
 * actors; {@link #run} is the independent one-thread reference of the same virtual-time
 * semantics: units start at rest, and over links of delay D the field at step t is W·tanh(s(t − D)),
 * the initial state's until then (LinkDelay: time 0 arrives at 0). W is one EJML sparse matrix and
 * the field one sparse product, so the actors' sums (per block, in another order) agree with it to
 * round-off, not to the bit.
 */
public final class LangevinNetwork {
    /**
     * @param size         N units
     * @param connectivity p, the probability that a pair is coupled
     * @param coupling     g, the field's standard deviation at s = ±1
     * @param barrier      a, the height of the double well's barrier
     * @param temperature  T of the bath
     * @param dt           Euler–Maruyama step
     * @param seed         couplings and noise (the unit actors' streams: {@link RandomStreams.Kind#UNIT})
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
    private final int[] pairI;
    private final int[] pairJ;
    private final double[] pairW;
    private final DMatrixSparseCSC w;

    public LangevinNetwork(Spec spec) {
        this.spec = spec;
        this.well = SelfEnergy.doubleWell(spec.barrier());
        this.unit = new OverdampedUnit(rho, well, spec.dt(), spec.temperature());
        int n = spec.size();
        int expected = (int) Math.min(Integer.MAX_VALUE / 4, 0.55 * spec.connectivity() * n * n + 16);
        int[] is = new int[expected];
        int[] js = new int[expected];
        double[] ws = new double[expected];
        int count = 0;
        SplittableRandom r = RandomStreams.stream(spec.seed(), RandomStreams.Kind.INIT, 0);
        double scale = spec.coupling() / Math.sqrt(spec.connectivity() * (n - 1));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() >= spec.connectivity()) continue;
                if (count == is.length) {
                    is = Arrays.copyOf(is, 2 * count);
                    js = Arrays.copyOf(js, 2 * count);
                    ws = Arrays.copyOf(ws, 2 * count);
                }
                is[count] = i;
                js[count] = j;
                ws[count++] = scale * r.nextGaussian();
            }
        }
        pairI = Arrays.copyOf(is, count);
        pairJ = Arrays.copyOf(js, count);
        pairW = Arrays.copyOf(ws, count);
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(n, n, 2 * count);
        for (int k = 0; k < count; k++) {
            triplets.addItem(pairI[k], pairJ[k], pairW[k]);
            triplets.addItem(pairJ[k], pairI[k], pairW[k]);
        }
        w = DConvertMatrixStruct.convert(triplets, (DMatrixSparseCSC) null);
    }

    public Spec spec() {
        return spec;
    }

    /** Directed couplings W_ij ≠ 0 (twice the coupled pairs): synaptic updates per step. */
    public long couplings() {
        return 2L * pairW.length;
    }

    /**
     * The network for the common engine: every unit hidden in one population (layer 0), a
     * {@link DoubleWellUnit} of barrier a, tanh, no biases, one coupling per pair (i &lt; j, in the
     * order drawn) with link delay {@code delay}.
     */
    public NetworkSpec network(int delay) {
        int n = spec.size();
        Role[] roles = new Role[n];
        Arrays.fill(roles, Role.HIDDEN);
        List<Coupling> couplings = new ArrayList<>(pairW.length);
        for (int k = 0; k < pairW.length; k++) couplings.add(new Coupling(pairI[k], pairJ[k], pairW[k], delay));
        return new NetworkSpec(roles, new int[n], couplings, new double[n], rho, spec.dt(), spec.temperature(),
                NetworkSpec.uniform(n, new DoubleWellUnit(spec.barrier())));
    }

    /** E(s) = Σ_i a(s_i² − 1)² − ½ Σ_ij W_ij tanh(s_i) tanh(s_j), for checks (the dynamics never needs it). */
    public double energy(double[] s) {
        double[] th = new double[s.length];
        for (int i = 0; i < s.length; i++) th[i] = rho.rho(s[i]);
        double[] h = new double[s.length];
        MatrixVectorMult_DSCC.mult(w, th, 0, h, 0);
        double e = 0;
        for (int i = 0; i < s.length; i++) e += well.energy(s[i]) - 0.5 * th[i] * h[i];
        return e;
    }

    /** {@link #run(double[], int, int)} from rest, as the unit actors start. */
    public double[] run(int steps, int delay) {
        return run(new double[spec.size()], steps, delay);
    }

    /**
     * The whole network on the calling thread for {@code steps} steps from {@code initial}, over
     * links of {@code delay} steps: the field at step t from tanh(s(max(0, t − D))) — D = 0 is the
     * plain Euler–Maruyama discretisation of the gradient flow, which no actor can run (their links
     * take at least a step). The final states.
     */
    public double[] run(double[] initial, int steps, int delay) {
        if (delay < 0) throw new IllegalArgumentException("a link delay must be ≥ 0 steps, got " + delay);
        int n = spec.size();
        double[] s = initial.clone();
        double[] h = new double[n];
        double[][] past = new double[delay + 1][n]; // tanh(s(t)) at t mod (D + 1)
        SplittableRandom[] noise = new SplittableRandom[n];
        for (int i = 0; i < n; i++) noise[i] = RandomStreams.stream(spec.seed(), RandomStreams.Kind.UNIT, i);
        boolean noisy = unit.isNoisy();
        for (int t = 0; t < steps; t++) {
            double[] now = past[t % (delay + 1)];
            for (int i = 0; i < n; i++) now[i] = rho.rho(s[i]);
            MatrixVectorMult_DSCC.mult(w, past[Math.max(0, t - delay) % (delay + 1)], 0, h, 0);
            for (int i = 0; i < n; i++) s[i] = unit.freeStep(s[i], now[i], h[i], noisy ? noise[i].nextGaussian() : 0.0);
        }
        return s;
    }
}
