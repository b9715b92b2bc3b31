package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.SelfEnergy;
import io.synaptor.neurons.SquaredError;
import io.synaptor.synapses.CouplingModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The dense reference solver (DESIGN.md, "Modules": network): the same spec solved a second,
 * independent way, with whole matrices in EJML and no actors, no delays, no messages.
 *
 * <ul>
 *   <li>fixed points of F = E + βC by the same gradient dynamics run synchronously, polished by
 *       Newton steps on ∂F/∂s = 0;</li>
 *   <li>the Hessian H = ∂²E/∂s² over the free (non-input) units;</li>
 *   <li>the exact gradient of L = C(s*) at the free fixed point by implicit differentiation:
 *       H λ = ∂C/∂s, dL/dW_ij = λ_i ρ'(s_i) ρ(s_j) + λ_j ρ(s_i) ρ'(s_j), dL/db_i = λ_i ρ'(s_i)
 *       (issue 2; Scellier &amp; Bengio 2017, Theorem 1 is the EP side of the same identity).</li>
 * </ul>
 * States are full vectors over all units; inputs hold their clamped values.
 */
public final class DenseReference {
    private final NetworkSpec spec;
    private final Activation act;
    private final SelfEnergy[] self; // each unit's U(s), from its model
    private final DMatrixRMaj w;
    private final int[] free;
    private final int[] inputs;
    private final boolean[] isOutput;

    public DenseReference(NetworkSpec spec) {
        this.spec = spec;
        this.act = spec.presented();
        this.self = java.util.Arrays.stream(spec.models()).map(io.synaptor.neurons.UnitModel::selfEnergy).toArray(SelfEnergy[]::new);
        int n = spec.size();
        this.w = new DMatrixRMaj(n, n);
        for (Coupling c : spec.couplings()) {
            w.add(c.i(), c.j(), c.weight());
            w.add(c.j(), c.i(), c.weight());
        }
        this.inputs = spec.inputs();
        this.free = java.util.stream.IntStream.range(0, n).filter(k -> spec.roles()[k] != Role.INPUT).toArray();
        this.isOutput = new boolean[n];
        for (int o : spec.outputs()) isOutput[o] = true;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** A full state vector with the inputs clamped to {@code x} (in the order of {@link NetworkSpec#inputs()}) and the rest at 0. */
    public double[] clamped(double[] x) {
        if (x.length != inputs.length) throw new IllegalArgumentException("expected " + inputs.length + " inputs, got " + x.length);
        double[] s = new double[spec.size()];
        for (int k = 0; k < inputs.length; k++) s[inputs[k]] = x[k];
        return s;
    }

    /** h = W ρ(s) + b. */
    public double[] field(double[] s) {
        int n = spec.size();
        DMatrixRMaj rho = new DMatrixRMaj(n, 1);
        for (int k = 0; k < n; k++) rho.data[k] = act.rho(s[k]);
        DMatrixRMaj h = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(w, rho, h);
        double[] out = h.data;
        for (int k = 0; k < n; k++) out[k] += spec.biases()[k];
        return out;
    }

    /** E(s) = Σ U(s_i) − ½ Σ_{i≠j} W_ij ρ_iρ_j − Σ b_i ρ_i over all units (inputs included as constants). */
    public double energy(double[] s) {
        double e = 0.0;
        for (int k = 0; k < s.length; k++) e += self[k].energy(s[k]) - spec.biases()[k] * act.rho(s[k]);
        for (Coupling c : spec.couplings()) e += CouplingModel.energy(act, c.weight(), s[c.i()], s[c.j()]);
        return e;
    }

    /** ∂F/∂s on the free units (zero on inputs), with F = E + β C(outputs, target). */
    public double[] gradient(double[] s, double beta, double[] target) {
        double[] h = field(s);
        double[] g = new double[s.length];
        int[] outs = spec.outputs();
        for (int k : free) g[k] = self[k].force(s[k]) - act.rhoPrime(s[k]) * h[k];
        if (beta != 0.0) {
            for (int o = 0; o < outs.length; o++) g[outs[o]] += beta * SquaredError.gradient(s[outs[o]], target[o]);
        }
        return g;
    }

    /** C = ½ ‖s_out − y‖². */
    public double loss(double[] s, double[] target) {
        int[] outs = spec.outputs();
        double c = 0.0;
        for (int o = 0; o < outs.length; o++) c += SquaredError.cost(s[outs[o]], target[o]);
        return c;
    }

    public double[] freeFixedPoint(double[] x) {
        return fixedPoint(x, 0.0, null);
    }

    /**
     * The fixed point of F = E + βC reached from s = 0 by the synchronous dynamics
     * s ← s − dt ∂F/∂s, then polished by Newton steps to machine precision.
     *
     * @throws IllegalStateException if the dynamics diverge or do not settle
     */
    public double[] fixedPoint(double[] x, double beta, double[] target) {
        return fixedPoint(x, beta, target, 200_000);
    }

    /** As {@link #fixedPoint(double[], double, double[])} with a cap on the synchronous iterations. */
    public double[] fixedPoint(double[] x, double beta, double[] target, int maxIterations) {
        double[] s = clamped(x);
        double dt = spec.dt();
        for (int it = 0; it < maxIterations; it++) {
            double[] g = gradient(s, beta, target);
            double max = 0.0;
            for (int k : free) {
                double next = act.clip(s[k] - dt * g[k]);
                max = Math.max(max, Math.abs(next - s[k]) / dt);
                s[k] = next;
            }
            if (!Double.isFinite(max)) throw new IllegalStateException("the reference dynamics diverged at iteration " + it);
            if (max < 1e-10) break;
        }
        for (int it = 0; it < 5; it++) { // Newton polish on the interior units: H δ = ∂F/∂s
            int[] inner = interior(s);
            if (inner.length == 0) break;
            double[] g = gradient(s, beta, target);
            DMatrixRMaj delta = solve(hessian(s, beta, inner), restrict(g, inner));
            for (int a = 0; a < inner.length; a++) s[inner[a]] -= delta.data[a];
        }
        double residual = 0.0;
        double[] g = gradient(s, beta, target);
        for (int k : free) residual = Math.max(residual, Math.abs(act.clip(s[k] - g[k]) - s[k])); // projected (KKT) residual
        if (!(residual < 1e-8)) throw new IllegalStateException("the reference fixed point did not converge (residual " + residual + ")");
        return s;
    }

    /** The free units not held on a boundary of their range: those a small change of θ moves. */
    private int[] interior(double[] s) {
        return java.util.Arrays.stream(free).filter(k -> !act.atBound(s[k])).toArray();
    }

    /** ∂²F/∂s² restricted to the free units (in the order of the free units). */
    public DMatrixRMaj hessian(double[] s, double beta) {
        return hessian(s, beta, free);
    }

    private DMatrixRMaj hessian(double[] s, double beta, int[] free) {
        double[] h = field(s);
        int m = free.length;
        DMatrixRMaj hess = new DMatrixRMaj(m, m);
        for (int a = 0; a < m; a++) {
            int i = free[a];
            double d = self[i].curvature(s[i]) - act.rhoSecond(s[i]) * h[i];
            if (isOutput[i]) d += beta;
            hess.set(a, a, d);
            for (int b = 0; b < m; b++) {
                int j = free[b];
                if (j != i) hess.set(a, b, -w.get(i, j) * act.rhoPrime(s[i]) * act.rhoPrime(s[j]));
            }
        }
        return hess;
    }

    /** The exact gradient of L = C(s*) at a free fixed point, per coupling (spec order) and per unit bias. */
    public Gradient exactGradient(double[] s, double[] target) {
        double[] dc = new double[s.length];
        int[] outs = spec.outputs();
        for (int o = 0; o < outs.length; o++) dc[outs[o]] = SquaredError.gradient(s[outs[o]], target[o]);
        int[] inner = interior(s); // units on a boundary do not move: their λ is 0
        double[] lambda = new double[s.length];
        if (inner.length > 0) {
            DMatrixRMaj lambdaInner = solve(hessian(s, 0.0, inner), restrict(dc, inner));
            for (int a = 0; a < inner.length; a++) lambda[inner[a]] = lambdaInner.data[a];
        }
        double[] dw = new double[spec.couplings().size()];
        for (int k = 0; k < dw.length; k++) {
            Coupling c = spec.couplings().get(k);
            int i = c.i();
            int j = c.j();
            dw[k] = lambda[i] * act.rhoPrime(s[i]) * act.rho(s[j]) + lambda[j] * act.rho(s[i]) * act.rhoPrime(s[j]);
        }
        double[] db = new double[s.length];
        for (int i : free) db[i] = lambda[i] * act.rhoPrime(s[i]);
        return new Gradient(dw, db);
    }

    /** dL/dW per coupling and dL/db per unit. */
    public record Gradient(double[] weights, double[] biases) {
        /** Weights then the biases of the free units, as one vector. */
        public double[] flat(int[] freeUnits) {
            double[] out = new double[weights.length + freeUnits.length];
            System.arraycopy(weights, 0, out, 0, weights.length);
            for (int a = 0; a < freeUnits.length; a++) out[weights.length + a] = biases[freeUnits[a]];
            return out;
        }
    }

    public int[] freeUnits() {
        return free.clone();
    }

    private static DMatrixRMaj restrict(double[] v, int[] units) {
        DMatrixRMaj r = new DMatrixRMaj(units.length, 1);
        for (int a = 0; a < units.length; a++) r.data[a] = v[units[a]];
        return r;
    }

    private static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj b) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(a.numRows);
        if (!solver.setA(a.copy())) throw new IllegalStateException("the Hessian is singular");
        DMatrixRMaj x = new DMatrixRMaj(a.numRows, 1);
        solver.solve(b, x);
        return x;
    }
}
