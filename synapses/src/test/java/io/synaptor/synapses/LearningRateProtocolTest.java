package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocols' closed forms against the mean equations they claim to solve: u̇ = μ(θ − u),
 * θ̇ = βη(t)(θ* − u), dW = (θ − u)dθ, jumps at fixed u (REFERENCES.md, "Minimal-dissipation learning").
 */
class LearningRateProtocolTest {
    private static final double THETA_STAR = 0.3;

    /** θ(τ) after the end jump and the total work, from RK4 on the mean equations with n steps. */
    record Outcome(double theta, double work, double workBeforeEnd) {
    }

    static Outcome integrate(LearningRateProtocol p, int n) {
        LearningRateProtocol.Task task = p.task();
        double mu = task.mu();
        double beta = task.beta();
        double theta = THETA_STAR - task.delta();
        double u = theta - p.initialLag();
        double[] jumped = jump(p.startJump(), theta, u);
        theta = jumped[0];
        double w = jumped[1];
        double h = task.tau() / n;
        for (int k = 0; k < n; k++) {
            double t = k * h;
            // y = (θ, u, W)
            double[] y = {theta, u, w};
            double[] k1 = rhs(p, mu, beta, t, y);
            double[] k2 = rhs(p, mu, beta, t + h / 2, add(y, k1, h / 2));
            double[] k3 = rhs(p, mu, beta, t + h / 2, add(y, k2, h / 2));
            double[] k4 = rhs(p, mu, beta, t + h, add(y, k3, h));
            theta += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            u += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            w += h / 6 * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
        }
        double before = w;
        jumped = jump(p.endJump(), theta, u);
        return new Outcome(jumped[0], w + jumped[1], before);
    }

    private static double[] jump(LearningRateProtocol.Jump j, double theta, double u) {
        double next = j.apply(theta, u, THETA_STAR);
        return new double[] {next, 0.5 * ((next - u) * (next - u) - (theta - u) * (theta - u))};
    }

    private static double[] rhs(LearningRateProtocol p, double mu, double beta, double t, double[] y) {
        double dTheta = beta * p.eta(t) * (THETA_STAR - y[1]);
        return new double[] {dTheta, mu * (y[0] - y[1]), (y[0] - y[1]) * dTheta};
    }

    private static double[] add(double[] y, double[] k, double h) {
        return new double[] {y[0] + h * k[0], y[1] + h * k[1], y[2] + h * k[2]};
    }

    @Test
    void closedFormsSolveTheMeanEquations() {
        for (double mu : new double[] {1, 2, 0.5}) {
            for (double beta : new double[] {1, 3}) {
                for (double delta : new double[] {1, -2}) {
                    LearningRateProtocol.Task task = new LearningRateProtocol.Task(mu, beta, 5, delta);
                    for (String name : LearningRateProtocol.NAMES) {
                        LearningRateProtocol p = LearningRateProtocol.named(name, task, 0.5, 0.1);
                        Outcome o = integrate(p, 20_000);
                        String where = name + " at μ = " + mu + ", β = " + beta + ", Δ = " + delta;
                        assertEquals(p.totalExcessWork(), o.work(), 1e-9 * (1 + delta * delta), where);
                        assertEquals(p.excessWork(task.tau()), o.workBeforeEnd(), 1e-9 * (1 + delta * delta), where);
                        if (!name.equals("constant") && !name.equals("quasi_static")) {
                            assertEquals(THETA_STAR, o.theta(), 1e-9, where + ": reaches θ*");
                        }
                    }
                }
            }
        }
    }

    @Test
    void discontinuousOptimumBeatsTheOtherProtocolsThatReachTheTarget() {
        LearningRateProtocol.Task task = new LearningRateProtocol.Task(1, 1, 5, 1);
        double best = LearningRateProtocol.named("discontinuous_optimal", task, 0, 0).totalExcessWork();
        assertEquals(1.0 / 7, best, 1e-15, "Schmiedl–Seifert Δ²/(τ + 2) at μ = 1");
        assertTrue(best < new LearningRateProtocol.SlowDriving(task).totalExcessWork());
        assertTrue(best < new LearningRateProtocol.ContinuousOptimal(task).totalExcessWork());
    }

    /** REFERENCES.md's μ-dependence of the discontinuous protocol, as written, against the derivation. */
    @Test
    void referencesDiscontinuousFormulasHoldOnlyAtMuOne() {
        double mu = 2;
        double tau = 5;
        LearningRateProtocol.Task task = new LearningRateProtocol.Task(mu, 1, tau, 1);
        LearningRateProtocol.DiscontinuousOptimal derived = new LearningRateProtocol.DiscontinuousOptimal(task);
        assertEquals(derived.referencesWork(), 1.0 / (mu * mu * (mu * tau + 2)), 1e-15);
        // the protocol REFERENCES.md writes: 2/μ² in η(t), 1/(μτ + 2/μ) in the first jump, 1 − μ/2 in the last
        double startGain = 1 / (mu * tau + 2 / mu);
        double endGain = 1 - mu / 2;
        Outcome asWritten = integrateCustom(task, t -> 1 / (tau - t + 2 / (mu * mu)), startGain, endGain);
        Outcome ours = integrate(derived, 20_000);
        assertTrue(asWritten.work() > ours.work() + 1e-3, "the written protocol costs " + asWritten.work() + " > " + ours.work());
        assertTrue(derived.referencesWork() < ours.work() - 0.05, "REFERENCES' total " + derived.referencesWork()
                + " is below the minimum " + ours.work() + ", so no protocol reaches it");
    }

    private static Outcome integrateCustom(LearningRateProtocol.Task task, java.util.function.DoubleUnaryOperator betaEta,
                                           double startGain, double endGain) {
        double mu = task.mu();
        double theta = THETA_STAR - task.delta();
        double u = theta;
        double[] j = jump(new LearningRateProtocol.Jump(1, startGain), theta, u);
        theta = j[0];
        double w = j[1];
        int n = 200_000;
        double h = task.tau() / n;
        for (int k = 0; k < n; k++) {
            double dTheta = betaEta.applyAsDouble((k + 0.5) * h) * (THETA_STAR - u) * h;
            double du = mu * (theta - u) * h;
            w += (theta - u) * dTheta;
            theta += dTheta;
            u += du;
        }
        j = jump(new LearningRateProtocol.Jump(0, endGain), theta, u);
        return new Outcome(j[0], w + j[1], w);
    }

    @Test
    void quasiStaticLimitOfReferencesIsTheSmallRateLimit() {
        LearningRateProtocol.Task task = new LearningRateProtocol.Task(100, 1, 1, -10);  // the paper's Fig. 2: μ = 100, η = 10
        LearningRateProtocol.QuasiStatic q = new LearningRateProtocol.QuasiStatic(10, task);
        assertEquals(q.referencesWork(), q.totalExcessWork(), 0.12 * q.totalExcessWork(), "η/μ = 0.1");
        LearningRateProtocol.QuasiStatic slower = new LearningRateProtocol.QuasiStatic(1, task);
        assertEquals(slower.referencesWork(), slower.totalExcessWork(), 0.012 * slower.totalExcessWork(), "η/μ = 0.01");
    }

    @Test
    void jumpIsALearningStepWithItsIntegratedRate() {
        LearningRateProtocol.Jump j = new LearningRateProtocol.Jump(1, 1.0 / 7);
        double theta = -1;
        double xbar = -0.97;
        double beta = 2;
        double eta0 = j.rate(theta, xbar, THETA_STAR, beta);
        assertEquals(j.apply(theta, xbar, THETA_STAR), theta + beta * eta0 * (THETA_STAR - xbar), 1e-14);
    }
}
