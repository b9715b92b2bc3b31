package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.Leapfrog;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.ParameterStep;


/**
 * The dense reference of a Hamiltonian network ({@link EchoNetwork}), one example at a time on global
 * arrays: the forward leapfrog trajectory, its loss, the exact gradient of that discrete trajectory
 * by backpropagation through time (BPTT), and Hamiltonian echo learning computed the same way the
 * actors compute it (REFERENCES.md, "Hamiltonian echo learning"), so the actors can be held to the one
 * and RHEL's error measured against the other. Gradients are of the sum of the examples' losses.
 */
public final class EchoReference {
    private final EchoNetwork net;
    private final Leapfrog leapfrog;
    private final Activation phi;
    private final int n;

    public EchoReference(EchoNetwork net) {
        this.net = net;
        this.leapfrog = net.leapfrog();
        this.phi = net.phi();
        this.n = net.units();
    }

    /** One example's forward pass from rest: positions y[t], momenta z[t] (t = 0 … T), half-step positions h[t] (t &lt; T). */
    public record Trajectory(double[][] y, double[][] z, double[][] h) {
    }

    /** The forward pass of example b. */
    public Trajectory forward(EchoNetwork.Parameters p, Sequences data, int b) {
        int steps = data.steps();
        double[][] y = new double[steps + 1][n], z = new double[steps + 1][n], h = new double[steps][n];
        double[] grad = new double[n];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < n; i++) h[t][i] = leapfrog.half(y[t][i], z[t][i]);
            gradient(p, h[t], data.inputs()[b][t], grad);
            for (int i = 0; i < n; i++) {
                z[t + 1][i] = leapfrog.kick(z[t][i], grad[i]);
                y[t + 1][i] = leapfrog.drift(h[t][i], z[t + 1][i]);
            }
        }
        return new Trajectory(y, z, h);
    }

    /** g_t = ∂ℓ/∂y_t of example b along its trajectory (t = 0 … T; zero off the outputs and the loss steps). */
    public double[][] lossGradients(Trajectory tr, Sequences data, int b) {
        int steps = data.steps();
        double[][] g = new double[steps + 1][n];
        int[] outs = net.outputs();
        for (int t = 1; t <= steps; t++) {
            if (!data.lossAt()[t - 1]) continue;
            for (int o = 0; o < outs.length; o++) g[t][outs[o]] = tr.y()[t][outs[o]] - data.targets()[b][t - 1][o];
        }
        return g;
    }

    /** ℓ_b = Σ_{loss steps} ½Σ_o (y_o − target)². */
    public double loss(Trajectory tr, Sequences data, int b) {
        double sum = 0;
        int[] outs = net.outputs();
        for (int t = 1; t <= data.steps(); t++) {
            if (!data.lossAt()[t - 1]) continue;
            for (int o = 0; o < outs.length; o++) {
                double d = tr.y()[t][outs[o]] - data.targets()[b][t - 1][o];
                sum += 0.5 * d * d;
            }
        }
        return sum;
    }

    /** Each output's mean position over the loss steps (the class is the largest). */
    public double[] readout(Trajectory tr, Sequences data) {
        int[] outs = net.outputs();
        double[] r = new double[outs.length];
        for (int t = 1; t <= data.steps(); t++) {
            if (!data.lossAt()[t - 1]) continue;
            for (int o = 0; o < outs.length; o++) r[o] += tr.y()[t][outs[o]];
        }
        for (int o = 0; o < outs.length; o++) r[o] /= data.lossSteps();
        return r;
    }

    /** Σ_b ℓ_b over the given examples. */
    public double loss(EchoNetwork.Parameters p, Sequences data, int[] examples) {
        double sum = 0;
        for (int b : examples) sum += loss(forward(p, data, b), data, b);
        return sum;
    }

    /** The fraction of the examples whose largest readout is their label. */
    public double accuracy(EchoNetwork.Parameters p, Sequences data) {
        int right = 0;
        for (int b = 0; b < data.size(); b++) {
            if (Argmax.of(readout(forward(p, data, b), data)) == data.labels()[b]) right++;
        }
        return right / (double) data.size();
    }

    /**
     * The exact gradient of Σ_b ℓ_b over the discrete trajectory (BPTT): adjoints (a_y, a_z) run back
     * through each drift-kick-drift step — a_z ← a_z + ½dt·a_y; θ̄ −= dt·a_zᵀ∂F/∂θ(h); a_h = a_y − dt·H(h)a_z;
     * a_y = a_h + g_t; a_z ← (1 − dt·γ)a_z + ½dt·a_h — with F = ∂V/∂y and H its Jacobian at the half step h.
     */
    public EchoNetwork.Parameters bptt(EchoNetwork.Parameters p, Sequences data, int[] examples) {
        EchoNetwork.Parameters grad = p.zeros();
        double dt = leapfrog.dt();
        double[] ay = new double[n], az = new double[n], hv = new double[n];
        for (int b : examples) {
            Trajectory tr = forward(p, data, b);
            double[][] g = lossGradients(tr, data, b);
            System.arraycopy(g[data.steps()], 0, ay, 0, n);
            java.util.Arrays.fill(az, 0.0);
            for (int t = data.steps() - 1; t >= 0; t--) {
                for (int i = 0; i < n; i++) az[i] += 0.5 * dt * ay[i];
                double[] u = data.inputs()[b][t];
                forceParameters(p, tr.h()[t], u, az, -dt, grad);
                hessian(p, tr.h()[t], u, az, hv);
                for (int i = 0; i < n; i++) {
                    double ah = ay[i] - dt * hv[i];
                    ay[i] = ah + g[t][i];
                    az[i] = (1 - dt * leapfrog.damping()) * az[i] + 0.5 * dt * ah;
                }
            }
        }
        return grad;
    }

    /** What one echo of example b gives: S, the sum of ∂V/∂θ at its half steps, and where it ends (y, z). */
    public record Echo(EchoNetwork.Parameters sum, double[] y, double[] z) {
    }

    /**
     * One echo of example b nudged by ε: from (y_T, −z_T + ε·g_T) with the inputs in reverse, ε·g_t added to
     * z after the step that lands on y_t, S accumulating ∂V/∂θ at each half step.
     */
    public Echo echo(EchoNetwork.Parameters p, Trajectory tr, double[][] g, Sequences data, int b, double epsilon) {
        int steps = data.steps();
        double[] y = tr.y()[steps].clone(), z = new double[n], h = new double[n], grad = new double[n];
        for (int i = 0; i < n; i++) z[i] = -tr.z()[steps][i] + epsilon * g[steps][i];
        EchoNetwork.Parameters s = p.zeros();
        for (int k = 0; k < steps; k++) {
            int t = steps - 1 - k;
            double[] u = data.inputs()[b][t];
            for (int i = 0; i < n; i++) h[i] = leapfrog.half(y[i], z[i]);
            energyParameters(p, h, u, s);
            gradient(p, h, u, grad);
            for (int i = 0; i < n; i++) {
                z[i] = leapfrog.kick(z[i], grad[i]);
                y[i] = leapfrog.drift(h[i], z[i]);
                z[i] += epsilon * g[t][i];
            }
        }
        return new Echo(s, y, z);
    }

    /** Hamiltonian echo learning's estimate of the gradient of Σ_b ℓ_b, the program's two echoes per example. */
    public EchoNetwork.Parameters echoGradient(EchoNetwork.Parameters p, Sequences data, int[] examples, EchoProgram program) {
        EchoNetwork.Parameters out = p.zeros();
        double[] o = out.flat();
        for (int b : examples) {
            Trajectory tr = forward(p, data, b);
            double[][] g = lossGradients(tr, data, b);
            double[] first = echo(p, tr, g, data, b, program.nudge(EchoProgram.FIRST_ECHO)).sum().flat();
            double[] second = echo(p, tr, g, data, b, program.nudge(EchoProgram.SECOND_ECHO)).sum().flat();
            for (int k = 0; k < o.length; k++) o[k] += program.gradient(leapfrog.dt(), first[k], second[k]);
        }
        EchoNetwork.Parameters grad = p.zeros();
        for (int k = 0; k < o.length; k++) grad.add(k, o[k]);
        return grad;
    }

    /** A gradient of Σ_b ℓ_b over a minibatch: {@link #bptt}, or {@link #echoGradient} under a program. */
    @FunctionalInterface
    public interface Gradient {
        EchoNetwork.Parameters of(EchoNetwork.Parameters p, Sequences data, int[] examples);
    }

    /**
     * Trains by {@code gradient} (BPTT: {@code ref::bptt}) what the actors train by echoes: the same
     * minibatches in the same order, the same optimizer, steps −η·∇/B per minibatch of B. {@code onEpoch}
     * is told each finished epoch with the parameters then.
     */
    public EchoNetwork.Parameters train(EchoNetwork.Parameters init, Sequences data, int[][] minibatches, int perEpoch, double rate,
                                        Optimizer optimizer, Gradient gradient, java.util.function.ObjIntConsumer<EchoNetwork.Parameters> onEpoch) {
        EchoNetwork.Parameters p = init.copy();
        boolean[] learns = net.learns(p);
        double[] rates = new double[learns.length];
        for (int k = 0; k < rates.length; k++) rates[k] = learns[k] ? rate : 0.0;
        ParameterStep steps = new ParameterStep(optimizer, rates);
        for (int e = 0; e < minibatches.length; e++) {
            double[] g = gradient.of(p, data, minibatches[e]).flat();
            int epoch = e / perEpoch;
            for (int k = 0; k < g.length; k++) {
                if (learns[k]) p.add(k, steps.step(k, epoch, -rate * g[k] / minibatches[e].length));
            }
            if ((e + 1) % perEpoch == 0) onEpoch.accept(p, epoch);
        }
        return p;
    }

    /** F = ∂V/∂y at the half step h under input u, into out (REFERENCES.md: V = ½α‖y‖² − b·φ + couplings − B u·φ). */
    void gradient(EchoNetwork.Parameters p, double[] h, double[] u, double[] out) {
        double[] f = new double[n], kappa = new double[n];
        drives(p, h, u, f, kappa);
        for (int i = 0; i < n; i++) out[i] = (p.stiffness()[i] + kappa[i]) * h[i] - phi.rhoPrime(h[i]) * f[i];
    }

    /** The field f (bias, inputs, pairwise W·φ, springs' W·h_j) and the springs' stiffness κ each unit feels. */
    private void drives(EchoNetwork.Parameters p, double[] h, double[] u, double[] f, double[] kappa) {
        for (int i = 0; i < n; i++) f[i] = p.bias()[i];
        int[][] links = net.inputLinks();
        for (int l = 0; l < links.length; l++) f[links[l][1]] += p.in()[l] * u[links[l][0]];
        int[][] pairs = net.pairs();
        for (int c = 0; c < pairs.length; c++) {
            int i = pairs[c][0], j = pairs[c][1];
            double w = p.w()[c];
            f[i] += w * phi.rho(h[j]);
            f[j] += w * phi.rho(h[i]);
            if (net.kind() == EchoNetwork.Kind.SPRING) {
                kappa[i] += w;
                kappa[j] += w;
            }
        }
    }

    /** H(h)·v, H = ∂F/∂y the Hessian of V at h. */
    private void hessian(EchoNetwork.Parameters p, double[] h, double[] u, double[] v, double[] out) {
        double[] f = new double[n], kappa = new double[n];
        drives(p, h, u, f, kappa);
        for (int i = 0; i < n; i++) out[i] = (p.stiffness()[i] + kappa[i] - phi.rhoSecond(h[i]) * f[i]) * v[i];
        int[][] pairs = net.pairs();
        for (int c = 0; c < pairs.length; c++) {
            int i = pairs[c][0], j = pairs[c][1];
            double w = p.w()[c];
            out[i] -= w * phi.rhoPrime(h[i]) * phi.rhoPrime(h[j]) * v[j];
            out[j] -= w * phi.rhoPrime(h[j]) * phi.rhoPrime(h[i]) * v[i];
        }
    }

    /** grad += scale·λᵀ∂F/∂θ at h (∂F/∂θ = ∂²V/∂y∂θ). */
    private void forceParameters(EchoNetwork.Parameters p, double[] h, double[] u, double[] lambda, double scale,
                                 EchoNetwork.Parameters grad) {
        int[][] pairs = net.pairs();
        for (int c = 0; c < pairs.length; c++) {
            int i = pairs[c][0], j = pairs[c][1];
            grad.w()[c] += scale * (net.kind() == EchoNetwork.Kind.SPRING
                    ? (lambda[i] - lambda[j]) * (h[i] - h[j])
                    : -(lambda[i] * phi.rhoPrime(h[i]) * phi.rho(h[j]) + lambda[j] * phi.rho(h[i]) * phi.rhoPrime(h[j])));
        }
        int[][] links = net.inputLinks();
        for (int l = 0; l < links.length; l++) {
            int i = links[l][1];
            grad.in()[l] += scale * -lambda[i] * phi.rhoPrime(h[i]) * u[links[l][0]];
        }
        for (int i = 0; i < n; i++) {
            grad.bias()[i] += scale * -lambda[i] * phi.rhoPrime(h[i]);
            grad.stiffness()[i] += scale * lambda[i] * h[i];
        }
    }

    /** s += ∂V/∂θ at h: −φ_iφ_j or ½(h_i − h_j)² per coupling, −u_k φ_i per input link, −φ_i per bias, ½h_i² per stiffness. */
    private void energyParameters(EchoNetwork.Parameters p, double[] h, double[] u, EchoNetwork.Parameters s) {
        int[][] pairs = net.pairs();
        for (int c = 0; c < pairs.length; c++) s.w()[c] += EchoCoupling.energyDerivative(net.kind(), phi.rho(h[pairs[c][0]]), phi.rho(h[pairs[c][1]]));
        int[][] links = net.inputLinks();
        for (int l = 0; l < links.length; l++) s.in()[l] += -u[links[l][0]] * phi.rho(h[links[l][1]]);
        for (int i = 0; i < n; i++) {
            s.bias()[i] += -phi.rho(h[i]);
            s.stiffness()[i] += 0.5 * h[i] * h[i];
        }
    }
}
