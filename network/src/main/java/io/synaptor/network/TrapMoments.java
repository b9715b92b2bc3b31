package io.synaptor.network;

import io.synaptor.synapses.LearningRateProtocol;

/**
 * The exact expectation of what the harmonic-trap simulation measures, to check it with (never to
 * train): the simulated scheme — N particles x ← x − μ(x − θ)dt + √(2μ dt/β)ξ from N(θ₀ − lag, 1/β),
 * the learner's θ ← θ + βη(t_n)(θ* − x̄_n)dt after each step, the protocol's jumps at t = 0 and τ, and the
 * work Σ_i E(x_i, θ') − E(x_i, θ)/N of each change of θ — depends on the particles only through their
 * mean x̄, and (θ, x̄) is a linear Gaussian process. Propagating its means and covariance step by step
 * gives E[W], E[θ] and E[x̄] at finite N and finite dt exactly; as N → ∞ and dt → 0 they tend to the
 * protocols' closed forms (REFERENCES.md, "Minimal-dissipation learning").
 */
public final class TrapMoments {
    private TrapMoments() {
    }

    /**
     * Expectations per step n = 0 … S: θ in force from t_n (θ[0] after the start jump), the particles'
     * mean at t_n, the work done up to t_n (the change of θ at t_n included); and the totals after
     * the end jump.
     */
    public record Expected(double[] theta, double[] particleMean, double[] work, double thetaFinal,
                           double thetaFinalSd, double workFinal) {
    }

    /** A Gaussian (θ, x̄): means and covariance. */
    private static final class State {
        double mt, mx, tt, tx, xx;

        /** E[(l·(θ, x̄) + c)(k·(θ, x̄) + d)]. */
        double product(double l0, double l1, double c, double k0, double k1, double d) {
            double cov = l0 * k0 * tt + (l0 * k1 + l1 * k0) * tx + l1 * k1 * xx;
            return (l0 * mt + l1 * mx + c) * (k0 * mt + k1 * mx + d) + cov;
        }

        /** θ' = θ + pull(x̄ − θ) + gain(θ* − x̄); returns the expected work ½(θ' − θ)(θ' + θ − 2x̄). */
        double moveTheta(double pull, double gain, double thetaStar) {
            double a0 = 1 - pull;
            double a1 = pull - gain;
            double c = gain * thetaStar;
            double work = 0.5 * product(a0 - 1, a1, c, a0 + 1, a1 - 2, c);
            double nt = a0 * a0 * tt + 2 * a0 * a1 * tx + a1 * a1 * xx;
            double ntx = a0 * tx + a1 * xx;
            mt = a0 * mt + a1 * mx + c;
            tt = nt;
            tx = ntx;
            return work;
        }

        /** x̄' = x̄ + μdt(θ − x̄) + √(2μdt/(βN))ζ. */
        void relax(double mudt, double noiseVariance) {
            double b0 = mudt;
            double b1 = 1 - mudt;
            double nxx = b0 * b0 * tt + 2 * b0 * b1 * tx + b1 * b1 * xx + noiseVariance;
            tx = b0 * tt + b1 * tx;
            xx = nxx;
            mx = b0 * mt + b1 * mx;
        }
    }

    public static Expected of(LearningRateProtocol protocol, double theta0, double thetaStar, int steps, int particles) {
        LearningRateProtocol.Task task = protocol.task();
        double dt = task.tau() / steps;
        double mudt = task.mu() * dt;
        double noise = 2 * task.mu() * dt / (task.beta() * particles);
        State s = new State();
        s.mt = theta0;
        s.mx = theta0 - protocol.initialLag();
        s.xx = 1 / (task.beta() * particles);
        double[] theta = new double[steps + 1];
        double[] mean = new double[steps + 1];
        double[] work = new double[steps + 1];
        LearningRateProtocol.Jump start = protocol.startJump();
        double w = s.moveTheta(start.pull(), start.gain(), thetaStar);
        theta[0] = s.mt;
        mean[0] = s.mx;
        work[0] = w;
        for (int n = 1; n <= steps; n++) {
            s.relax(mudt, noise);
            double gain = task.beta() * protocol.eta(n * dt) * dt;
            w += s.moveTheta(0, gain, thetaStar);
            theta[n] = s.mt;
            mean[n] = s.mx;
            work[n] = w;
        }
        LearningRateProtocol.Jump end = protocol.endJump();
        w += s.moveTheta(end.pull(), end.gain(), thetaStar);
        return new Expected(theta, mean, work, s.mt, Math.sqrt(Math.max(0, s.tt)), w);
    }
}
