package io.synaptor.neurons;

import com.google.auto.service.AutoService;

/**
 * Overdamped dynamics of one unit, ds/dt = −∂F/∂s (+ √(2T) ξ), integrated by explicit
 * Euler(–Maruyama) with step dt (DESIGN.md, "Learning rules"; Scellier &amp; Bengio 2017, eq. 7).
 * With F = E + βC, E = Σ U(s_i) − ½ Σ W_ij ρ_iρ_j − Σ b_i ρ_i:
 * ∂F/∂s_i = U'(s_i) − ρ'(s_i) h_i + β ∂C/∂s_i, where the field h_i = Σ_j W_ij ρ(s_j) + b_i.
 * A plain object: it knows neither actors nor time policy; the host supplies field, β and noise.
 */
public final class OverdampedUnit implements UnitDynamics {
    private final Activation activation;
    private final SelfEnergy selfEnergy;
    private final double dt;
    private final double noiseScale;

    /**
     * @param temperature T ≥ 0 of the Langevin bath; the Euler–Maruyama increment is √(2T·dt)·ξ
     */
    public OverdampedUnit(Activation activation, SelfEnergy selfEnergy, double dt, double temperature) {
        this.activation = activation;
        this.selfEnergy = selfEnergy;
        this.dt = dt;
        this.noiseScale = noiseScale(dt, temperature);
    }

    /** √(2T·dt), the Euler–Maruyama noise amplitude, after checking dt &gt; 0 and T ≥ 0. */
    static double noiseScale(double dt, double temperature) {
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("dt must be positive, got " + dt);
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0, got " + temperature);
        }
        return Math.sqrt(2.0 * temperature * dt);
    }

    @Override
    public Activation activation() {
        return activation;
    }

    public double dt() {
        return dt;
    }

    @Override
    public int components() {
        return 1;
    }

    @Override
    public boolean isNoisy() {
        return noiseScale > 0;
    }

    /** ∂F/∂s for one unit; {@code beta = 0} means free (the target is then ignored). */
    public double gradient(double s, double field, double beta, double target) {
        return gradient(s, activation.rhoPrime(s), field, beta, target);
    }

    private double gradient(double s, double rhoPrime, double field, double beta, double target) {
        double g = selfEnergy.force(s) - rhoPrime * field;
        if (beta != 0.0) g += beta * SquaredError.gradient(s, target);
        return g;
    }

    /**
     * One Euler–Maruyama step, projected onto the activation's admissible range (a no-op except
     * for the hard sigmoid); {@code gaussian} is a standard normal draw (ignored when T = 0).
     */
    public double step(double s, double field, double beta, double target, double gaussian) {
        return activation.clip(plusNoise(s - dt * gradient(s, field, beta, target), gaussian));
    }

    /**
     * One free step (β = 0) when the host already holds ρ(s) — it computed it to send it: the same
     * bits as {@code step(s, field, 0, 0, gaussian)}, one exponential fewer.
     */
    public double freeStep(double s, double rho, double field, double gaussian) {
        return activation.clip(plusNoise(s - dt * gradient(s, activation.rhoPrime(s, rho), field, 0.0, 0.0), gaussian));
    }

    /** Real states: the imaginary part of β must be zero (a real unit cannot feel it). */
    @Override
    public void step(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double gaussian) {
        s[b] = step(s[b], h[b] + bias, betaRe, target, gaussian);
    }

    @Override
    public void step(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double gaussian,
                     double[] rho) {
        double v = s[b];
        s[b] = activation.clip(plusNoise(v - dt * gradient(v, activation.rhoPrime(v, rho[b]), h[b] + bias, betaRe, target), gaussian));
    }

    /** |clip(s − dt·∂F/∂s) − s| / dt: the same arithmetic as the step above, without the noise. */
    @Override
    public double residual(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double[] rho) {
        double v = s[b];
        return Math.abs(activation.clip(v - dt * gradient(v, activation.rhoPrime(v, rho[b]), h[b] + bias, betaRe, target)) - v) / dt;
    }

    /** Noiseless (T = 0 is the caller's promise, as the interface says). */
    @Override
    public void freeSteps(double[] s, int from, int to, double[] h, double bias, double[] rho) {
        for (int b = from; b < to; b++) {
            double v = s[b];
            s[b] = activation.clip(v - dt * (selfEnergy.force(v) - activation.rhoPrime(v, rho[b]) * (h[b] + bias)));
        }
    }

    /**
     * The Euler–Maruyama increment √(2T·dt)·ξ added to x; at T = 0 nothing is added — not even the
     * + 0.0 of a zero draw, which changes no value a unit can reach (states start at +0 and x − y is
     * −0 only for x = −0) but keeps the JIT from vectorising the relaxation loop (5× slower, bench step).
     */
    private double plusNoise(double x, double gaussian) {
        return noiseScale > 0 ? x + noiseScale * gaussian : x;
    }

    @Override
    public void rho(double[] s, int b, double[] rho) {
        rho[b] = activation.rho(s[b]);
    }

    @Override
    public void rhoAll(double[] s, double[] rho) {
        for (int b = 0; b < s.length; b++) rho[b] = activation.rho(s[b]);
    }

    /**
     * {@code overdamped}: U(s) = ½ s² (Scellier &amp; Bengio 2017, eq. 1), real states or, for
     * holomorphic EP, their complex continuation ({@link HolomorphicUnit}).
     */
    @AutoService(UnitModel.class)
    public static final class Model implements UnitModel {
        static final String NAME = "overdamped";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "U(s) = s²/2, ds/dt = −∂F/∂s (+ noise at T > 0); complex states for holomorphic EP";
        }

        @Override
        public SelfEnergy selfEnergy() {
            return SelfEnergy.QUADRATIC;
        }

        @Override
        public UnitDynamics dynamics(Activation activation, double dt, double temperature, boolean complex) {
            return complex ? new HolomorphicUnit(activation, dt, temperature)
                    : new OverdampedUnit(activation, SelfEnergy.QUADRATIC, dt, temperature);
        }
    }
}
