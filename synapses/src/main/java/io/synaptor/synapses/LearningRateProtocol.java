package io.synaptor.synapses;

/**
 * Learning-rate protocols η(t) for persistent-chain maximum-likelihood learning of the harmonic
 * trap (Hnybida &amp; Verret 2025; REFERENCES.md, "Minimal-dissipation learning"). The model's
 * parameter θ learns from the data mean θ* and the particles' mean x̄ only:
 * θ ← θ + βη(t)(θ* − x̄)dt (REFERENCES.md, the model's update), the particles relax at rate μ in
 * E = (x − θ)²/2, and each protocol carries the closed form of the excess work it costs, derived for
 * this model in the mean-field limit (many particles, dt → 0):
 * u̇ = μ(θ − u) for the particles' mean u, θ̇ = βη(θ* − u), W = ∫ (θ − u) dθ (the translated trap's
 * free energy does not change, so all work is excess work).
 *
 * <p>A useful identity: θ − u = −u̇/μ, so W = −(β/2μ) ∫ η d(θ* − u)². Works are in energy units;
 * β enters only through βη.
 */
public sealed interface LearningRateProtocol permits LearningRateProtocol.Constant, LearningRateProtocol.QuasiStatic,
        LearningRateProtocol.ContinuousOptimal, LearningRateProtocol.DiscontinuousOptimal, LearningRateProtocol.SlowDriving {

    /** The protocols' names, as the summary keys use them. */
    java.util.List<String> NAMES = java.util.List.of("constant", "quasi_static", "continuous_optimal", "discontinuous_optimal", "slow_driving");

    /**
     * What a protocol is designed for: the trap's rate μ, the inverse temperature β, the duration τ
     * and Δ = θ* − θ₀ (only the slow-driving and continuous protocols need Δ; the others learn it).
     */
    record Task(double mu, double beta, double tau, double delta) {
        public Task {
            if (!(mu > 0 && beta > 0 && tau > 0)) throw new IllegalArgumentException("μ, β and τ must be positive");
            if (!Double.isFinite(delta)) throw new IllegalArgumentException("Δ must be finite, got " + delta);
        }

        /** m = Δ/τ, the constant speed of θ in the continuous and slow-driving protocols. */
        public double speed() {
            return delta / tau;
        }
    }

    /**
     * A jump of θ at fixed particles, written as a learning step with an integrated rate η₀:
     * θ' = θ + βη₀(θ* − x̄) = θ + pull·(x̄ − θ) + gain·(θ* − x̄).
     */
    record Jump(double pull, double gain) {
        public static final Jump NONE = new Jump(0, 0);

        public double apply(double theta, double particleMean, double thetaStar) {
            return theta + pull * (particleMean - theta) + gain * (thetaStar - particleMean);
        }

        /** η₀, the integrated learning rate that makes this jump: (pull(x̄ − θ)/(θ* − x̄) + gain)/β. */
        public double rate(double theta, double particleMean, double thetaStar, double beta) {
            return (pull * (particleMean - theta) / (thetaStar - particleMean) + gain) / beta;
        }
    }

    String name();

    Task task();

    /** η(t), 0 ≤ t ≤ τ. */
    double eta(double t);

    /** θ₀ − u₀: how far behind θ₀ the particles' mean is prepared (0: the particles start at rest in the trap). */
    default double initialLag() {
        return 0;
    }

    default Jump startJump() {
        return Jump.NONE;
    }

    default Jump endJump() {
        return Jump.NONE;
    }

    /** The closed-form excess work done by time t (0 ≤ t ≤ τ, a start jump included, the end jump not). */
    double excessWork(double t);

    /** The closed-form excess work of the whole protocol, its end jump included. */
    default double totalExcessWork() {
        return excessWork(task().tau());
    }

    /** The total as REFERENCES.md writes it (read from the authors' figure code), or NaN where it gives none. */
    double referencesWork();

    /** One learning step of the persistent-chain MLE: θ + βη(t)(θ* − x̄)dt (REFERENCES.md, the model's update). */
    default double update(double theta, double t, double thetaStar, double particleMean, double dt) {
        return theta + task().beta() * eta(t) * (thetaStar - particleMean) * dt;
    }

    static LearningRateProtocol named(String name, Task task, double constantRate, double quasiStaticRate) {
        return switch (name) {
            case "constant" -> new Constant(constantRate, task);
            case "quasi_static" -> new QuasiStatic(quasiStaticRate, task);
            case "continuous_optimal" -> new ContinuousOptimal(task);
            case "discontinuous_optimal" -> new DiscontinuousOptimal(task);
            case "slow_driving" -> new SlowDriving(task);
            default -> throw new IllegalArgumentException("unknown protocol " + name);
        };
    }

    /**
     * η constant, from rest (u₀ = θ₀). Exact mean-field work, from the identity above:
     * W(t) = (βη/2μ)(Δ² − q(t)²), q = θ* − u solving q̈ + μq̇ + βημ q = 0, q(0) = Δ, q̇(0) = 0 (a damped
     * oscillator: θ overshoots θ* when 4βη &gt; μ, as in the paper's Fig. 1).
     */
    record Constant(double rate, Task task) implements LearningRateProtocol {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public double eta(double t) {
            return rate;
        }

        @Override
        public double excessWork(double t) {
            double q = lag(t);
            return task.beta() * rate / (2 * task.mu()) * (task.delta() * task.delta() - q * q);
        }

        /** q(t) = θ* − u(t) in closed form. */
        double lag(double t) {
            double mu = task.mu();
            double g = mu / 2;
            double d = g * g - task.beta() * rate * mu;
            double delta = task.delta();
            if (d > 0) {
                double s = Math.sqrt(d);
                double rp = -g + s;
                double rm = -g - s;
                return delta * (rp * Math.exp(rm * t) - rm * Math.exp(rp * t)) / (rp - rm);
            }
            if (d < 0) {
                double w = Math.sqrt(-d);
                return delta * Math.exp(-g * t) * (Math.cos(w * t) + g / w * Math.sin(w * t));
            }
            return delta * Math.exp(-g * t) * (1 + g * t);
        }

        @Override
        public double referencesWork() {
            return Double.NaN;
        }
    }

    /**
     * η constant and small against μ, so that p_s ≈ p_m throughout (the paper's Fig. 2). The exact
     * work is {@link Constant}'s; REFERENCES.md gives the quasi-static limit
     * βηΔ²/(2μ)·(1 − e^{−2βηt}) (written there with β = 1), which is q ≈ Δe^{−βηt} in the identity.
     */
    record QuasiStatic(double rate, Task task) implements LearningRateProtocol {
        @Override
        public String name() {
            return "quasi_static";
        }

        @Override
        public double eta(double t) {
            return rate;
        }

        @Override
        public double excessWork(double t) {
            return new Constant(rate, task).excessWork(t);
        }

        @Override
        public double referencesWork() {
            double a = task.beta() * rate;
            return a * task.delta() * task.delta() / (2 * task.mu()) * (1 - Math.exp(-2 * a * task.tau()));
        }
    }

    /**
     * The continuous optimal protocol (the paper's Fig. 3): η(t) = 1/(β(τ − t + 1/μ)). With the particles
     * prepared a lag m/μ behind θ₀ (which needs θ* known beforehand), θ moves at constant speed
     * m = Δ/τ and reaches θ* at τ; W(t) = t·m²/μ (REFERENCES.md, confirmed).
     */
    record ContinuousOptimal(Task task) implements LearningRateProtocol {
        @Override
        public String name() {
            return "continuous_optimal";
        }

        @Override
        public double eta(double t) {
            return 1 / (task.beta() * (task.tau() - t + 1 / task.mu()));
        }

        @Override
        public double initialLag() {
            return task.speed() / task.mu();
        }

        @Override
        public double excessWork(double t) {
            double m = task.speed();
            return t * m * m / task.mu();
        }

        @Override
        public double referencesWork() {
            return excessWork(task.tau());
        }
    }

    /**
     * The discontinuous optimal protocol (Schmiedl &amp; Seifert 2007 for a dragged trap; the paper's
     * Fig. 4), from rest: θ jumps to x̄ + (θ* − x̄)/(μτ + 2), then η(t) = 1/(β(τ − t + 2/μ)) moves θ
     * and the particles' mean at the constant speed v = Δ/(τ + 2/μ) a lag v/μ apart, and at τ θ jumps
     * by (θ* − x̄)/2 onto θ*. Total W = Δ²/(μτ + 2) (derived: v²τ/μ + 2v²/μ², minimal over v).
     * REFERENCES.md writes 2/μ² in η(t), 1/(μτ + 2/μ) in the first jump, 1 − μ/2 for the last and
     * Δ²/(μ²(μτ + 2)) for the total: the same at μ = 1 (the paper's figure), not otherwise.
     */
    record DiscontinuousOptimal(Task task) implements LearningRateProtocol {
        @Override
        public String name() {
            return "discontinuous_optimal";
        }

        @Override
        public double eta(double t) {
            return 1 / (task.beta() * (task.tau() - t + 2 / task.mu()));
        }

        @Override
        public Jump startJump() {
            return new Jump(1, 1 / (task.mu() * task.tau() + 2));
        }

        @Override
        public Jump endJump() {
            return new Jump(0, 0.5);
        }

        /** v = Δ/(τ + 2/μ), the speed of θ and of the particles' mean between the jumps. */
        public double speed() {
            return task.delta() / (task.tau() + 2 / task.mu());
        }

        @Override
        public double excessWork(double t) {
            double v = speed();
            double lag = v / task.mu();
            return 0.5 * lag * lag + v * v * t / task.mu();
        }

        @Override
        public double totalExcessWork() {
            return task.delta() * task.delta() / (task.mu() * task.tau() + 2);
        }

        @Override
        public double referencesWork() {
            double mu = task.mu();
            return task.delta() * task.delta() / (mu * mu * (mu * task.tau() + 2));
        }
    }

    /**
     * Slow driving along the thermodynamic geodesic, which for a translated trap is θ at constant
     * speed m = Δ/τ from rest (the paper's Fig. 5). As a learning-rate protocol:
     * η(t) = m/(β(θ* − u(t))) with the mean-field mean u(t) = θ₀ + mt − (m/μ)(1 − e^{−μt}), a function of
     * time alone that needs Δ beforehand. W(t) = t·m²/μ − (m/μ)²(1 − e^{−μt}) (REFERENCES.md, confirmed).
     */
    record SlowDriving(Task task) implements LearningRateProtocol {
        public SlowDriving {
            if (task.delta() == 0) throw new IllegalArgumentException("slow driving needs θ* ≠ θ₀");
        }

        @Override
        public String name() {
            return "slow_driving";
        }

        @Override
        public double eta(double t) {
            double m = task.speed();
            double mu = task.mu();
            return m / (task.beta() * (task.delta() - m * t + m / mu * (1 - Math.exp(-mu * t))));
        }

        @Override
        public double excessWork(double t) {
            double m = task.speed();
            double mu = task.mu();
            return t * m * m / mu - (m / mu) * (m / mu) * (1 - Math.exp(-mu * t));
        }

        @Override
        public double referencesWork() {
            return excessWork(task.tau());
        }
    }
}
