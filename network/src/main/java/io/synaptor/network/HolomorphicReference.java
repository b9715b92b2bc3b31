package io.synaptor.network;

import io.synaptor.neurons.Activation;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Arrays;
import java.util.List;

/**
 * The complex ("holomorphic") dense reference: the independent truth for holomorphic EP
 * (Laborieux &amp; Zenke 2022; DESIGN.md, "Learning rules"; REFERENCES.md, "Holomorphic EP").
 *
 * <p>E and C are those of {@link DenseReference}, continued to complex states: with a complex nudge
 * β the fixed points of F = E + βC, ∂F/∂s = 0, are holomorphic in β, so the first Fourier
 * coefficient of ρ_iρ_j over a circle of nudges gives the gradient of L = C(s*) up to O(|β|^N).
 * Fixed points come from the same complex gradient dynamics the units run (as
 * {@code HolomorphicUnit}), started at the real free fixed point and polished by complex Newton
 * steps in EJML. States are interleaved (re, im) over all units; inputs hold x + 0i.
 */
public final class HolomorphicReference {
    private static final int MAX_STEPS = 200_000;
    private static final double SETTLED = 1e-8;
    private static final int MAX_NEWTON = 50;
    private static final double TOLERANCE = 1e-12;

    private final NetworkSpec spec;
    private final DenseReference real;
    private final Activation act;
    private final double[][] w;
    private final int[] free;
    private final int[] outputSlot;

    /** @throws IllegalArgumentException if what the units present has no holomorphic extension (the hard sigmoid) */
    public HolomorphicReference(NetworkSpec spec) {
        if (!spec.presented().holomorphic()) {
            throw new IllegalArgumentException("holomorphic EP needs a holomorphic activation; "
                    + spec.presented().name() + " is not");
        }
        for (var m : spec.models()) { // its complex continuation is written for U(s) = ½ s²
            if (m.selfEnergy() != io.synaptor.neurons.SelfEnergy.QUADRATIC) {
                throw new IllegalArgumentException("the holomorphic reference knows U(s) = ½ s² only, not unit model " + m.name());
            }
        }
        this.spec = spec;
        this.real = new DenseReference(spec);
        this.act = spec.presented();
        int n = spec.size();
        this.w = new double[n][n];
        for (Coupling c : spec.couplings()) {
            w[c.i()][c.j()] += c.weight();
            w[c.j()][c.i()] += c.weight();
        }
        this.free = real.freeUnits();
        this.outputSlot = new int[n];
        Arrays.fill(outputSlot, -1);
        int[] outs = spec.outputs();
        for (int o = 0; o < outs.length; o++) outputSlot[outs[o]] = o;
    }

    /**
     * The fixed point of F = E + βC at complex β = betaRe + i·betaIm on the branch connected to the
     * real free fixed point: complex gradient dynamics s ← s − dt ∂F/∂s (Laborieux &amp; Zenke 2022,
     * eq. 2 with complex s and β) from that point, then Newton steps on ∂F/∂s = 0 until
     * max |∂F/∂s| &lt; 1e-12.
     *
     * @param target the output target (in the order of {@link NetworkSpec#outputs()}); may be null when β = 0
     * @return the state over all units, interleaved (re, im), length 2n
     * @throws IllegalStateException if the dynamics diverge or Newton does not reach the tolerance
     */
    public double[] fixedPoint(double[] x, double betaRe, double betaIm, double[] target) {
        return solve(complex(real.freeFixedPoint(x)), betaRe, betaIm, target);
    }

    /**
     * The discrete hEP estimate of dL/dθ (Laborieux &amp; Zenke 2022, eq. 6): with β_k = β e^{2πik/N},
     * dL/dW_ij ≈ −Re[(1/N) Σ_k ρ_iρ_j(s^{β_k}) e^{−2πik/N}]/β and dL/db_i ≈ −Re[(1/N) Σ_k ρ_i(s^{β_k}) e^{−2πik/N}]/β,
     * exact up to O(|β|^N). Laid out as {@code DenseReference.exactGradient(...).flat(freeUnits())}:
     * weights in coupling order, then the biases of the free units.
     */
    public double[] circleEstimate(double[] x, double[] y, double beta, int points) {
        if (points < 2) throw new IllegalArgumentException("the circle needs at least 2 points, got " + points);
        if (beta == 0.0 || !Double.isFinite(beta)) throw new IllegalArgumentException("β must be finite and non-zero, got " + beta);
        double[] start = complex(real.freeFixedPoint(x));
        List<Coupling> cs = spec.couplings();
        int nw = cs.size();
        double[] sum = new double[nw + free.length];
        double[] rho = new double[2 * spec.size()];
        for (int k = 0; k < points; k++) {
            double c = Math.cos(2.0 * Math.PI * k / points);
            double sn = Math.sin(2.0 * Math.PI * k / points);
            double[] s = solve(start, beta * c, beta * sn, y);
            for (int u = 0; u < spec.size(); u++) act.rho(s[2 * u], s[2 * u + 1], rho, 2 * u);
            for (int m = 0; m < nw; m++) { // Re[ρ_iρ_j e^{−iθ_k}]
                int i = cs.get(m).i();
                int j = cs.get(m).j();
                double pr = rho[2 * i] * rho[2 * j] - rho[2 * i + 1] * rho[2 * j + 1];
                double pi = rho[2 * i] * rho[2 * j + 1] + rho[2 * i + 1] * rho[2 * j];
                sum[m] += pr * c + pi * sn;
            }
            for (int a = 0; a < free.length; a++) sum[nw + a] += rho[2 * free[a]] * c + rho[2 * free[a] + 1] * sn;
        }
        for (int m = 0; m < sum.length; m++) sum[m] = -sum[m] / (points * beta);
        return sum;
    }

    private double[] solve(double[] start, double br, double bi, double[] target) {
        double[] s = start.clone();
        double dt = spec.dt();
        double[] g = residual(s, br, bi, target);
        for (int it = 0; it < MAX_STEPS && maxAbs(g) > SETTLED; it++) { // eq. 2: s ← s − dt ∂F/∂s
            for (int i : free) {
                s[2 * i] -= dt * g[2 * i];
                s[2 * i + 1] -= dt * g[2 * i + 1];
            }
            g = residual(s, br, bi, target);
            if (!Double.isFinite(maxAbs(g))) throw new IllegalStateException("the complex dynamics diverged at β = " + br + " + " + bi + "i");
        }
        for (int it = 0; it < MAX_NEWTON && !(maxAbs(g) < TOLERANCE); it++) {
            ZMatrixRMaj delta = newtonStep(s, br, bi, g);
            for (int a = 0; a < free.length; a++) {
                s[2 * free[a]] -= delta.data[2 * a];
                s[2 * free[a] + 1] -= delta.data[2 * a + 1];
            }
            g = residual(s, br, bi, target);
        }
        double r = maxAbs(g);
        if (!(r < TOLERANCE)) {
            throw new IllegalStateException("the complex fixed point at β = " + br + " + " + bi + "i did not converge (residual " + r + ")");
        }
        return s;
    }

    /** h = W ρ(s) + b, complex (b real). */
    private double[] field(double[] s) {
        int n = spec.size();
        double[] rho = new double[2 * n];
        for (int u = 0; u < n; u++) act.rho(s[2 * u], s[2 * u + 1], rho, 2 * u);
        double[] h = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double hr = spec.biases()[i];
            double hi = 0.0;
            for (int j = 0; j < n; j++) {
                hr += w[i][j] * rho[2 * j];
                hi += w[i][j] * rho[2 * j + 1];
            }
            h[2 * i] = hr;
            h[2 * i + 1] = hi;
        }
        return h;
    }

    /** G = ∂F/∂s = s − ρ'(s) h + β (s − y)·[output] on the free units, zero on inputs. */
    private double[] residual(double[] s, double br, double bi, double[] target) {
        double[] h = field(s);
        double[] g = new double[s.length];
        double[] d = new double[2];
        for (int i : free) {
            double zr = s[2 * i];
            double zi = s[2 * i + 1];
            act.rhoPrime(zr, zi, d, 0);
            double gr = zr - (d[0] * h[2 * i] - d[1] * h[2 * i + 1]);
            double gi = zi - (d[0] * h[2 * i + 1] + d[1] * h[2 * i]);
            if (outputSlot[i] >= 0 && (br != 0.0 || bi != 0.0)) {
                double er = zr - target[outputSlot[i]];
                gr += br * er - bi * zi;
                gi += br * zi + bi * er;
            }
            g[2 * i] = gr;
            g[2 * i + 1] = gi;
        }
        return g;
    }

    /** δ solving J δ = G, J_ij = δ_ij (1 − ρ''(s_i) h_i + β·[i output]) − (i≠j) W_ij ρ'(s_i) ρ'(s_j): complex symmetric. */
    private ZMatrixRMaj newtonStep(double[] s, double br, double bi, double[] g) {
        int m = free.length;
        double[] h = field(s);
        double[] d1 = new double[2 * m];
        double[] d2 = new double[2];
        for (int a = 0; a < m; a++) act.rhoPrime(s[2 * free[a]], s[2 * free[a] + 1], d1, 2 * a);
        ZMatrixRMaj jac = new ZMatrixRMaj(m, m);
        ZMatrixRMaj rhs = new ZMatrixRMaj(m, 1);
        for (int a = 0; a < m; a++) {
            int i = free[a];
            act.rhoSecond(s[2 * i], s[2 * i + 1], d2, 0);
            double re = 1.0 - (d2[0] * h[2 * i] - d2[1] * h[2 * i + 1]);
            double im = -(d2[0] * h[2 * i + 1] + d2[1] * h[2 * i]);
            if (outputSlot[i] >= 0) {
                re += br;
                im += bi;
            }
            jac.set(a, a, re, im);
            for (int b = 0; b < m; b++) {
                double wij = w[i][free[b]];
                if (b == a || wij == 0.0) continue;
                double pr = d1[2 * a] * d1[2 * b] - d1[2 * a + 1] * d1[2 * b + 1];
                double pi = d1[2 * a] * d1[2 * b + 1] + d1[2 * a + 1] * d1[2 * b];
                jac.set(a, b, -wij * pr, -wij * pi);
            }
            rhs.set(a, 0, g[2 * i], g[2 * i + 1]);
        }
        LinearSolverDense<ZMatrixRMaj> lu = LinearSolverFactory_ZDRM.lu(m);
        if (!lu.setA(jac)) throw new IllegalStateException("the complex Jacobian is singular");
        ZMatrixRMaj delta = new ZMatrixRMaj(m, 1);
        lu.solve(rhs, delta);
        return delta;
    }

    /** max_i |G_i| over the free units. */
    private double maxAbs(double[] g) {
        double max = 0.0;
        for (int i : free) max = Math.max(max, Math.hypot(g[2 * i], g[2 * i + 1]));
        return max;
    }

    private static double[] complex(double[] s) {
        double[] z = new double[2 * s.length];
        for (int k = 0; k < s.length; k++) z[2 * k] = s[k];
        return z;
    }
}
