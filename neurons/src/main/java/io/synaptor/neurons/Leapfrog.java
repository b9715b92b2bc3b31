package io.synaptor.neurons;

/**
 * The integrator of second-order units (position y, momentum z, H = ½z² + V(y)): leapfrog in
 * drift-kick-drift form (REFERENCES.md, "Hamiltonian echo learning"; Pourcel &amp; Ernoult 2025),
 *
 * <pre>  y½ = y + ½dt·z;   z ← z − dt·(∂V/∂y(y½) + γz);   y ← y½ + ½dt·z.</pre>
 *
 * With γ = 0 the step is symplectic and time-reversible up to round-off: from (y', −z') it returns to
 * (y, −z), which is what the echo of Hamiltonian echo learning relies on. The force — and ∂V/∂θ, which
 * the echo accumulates — must be taken at y½: taken at the start of the step the echo breaks. γ > 0 is a
 * dissipative term (the echo then no longer retraces the forward pass; docs/scenarios.md#echo-sweep).
 * Plain arithmetic on one unit's entries, one per example; a host supplies ∂V/∂y(y½), which couples the units.
 *
 * @param dt      the step
 * @param damping γ ≥ 0
 */
public record Leapfrog(double dt, double damping) {
    public Leapfrog {
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("the step dt must be positive, got " + dt);
        if (!(damping >= 0) || !Double.isFinite(damping)) throw new IllegalArgumentException("the damping must be ≥ 0, got " + damping);
    }

    /** The first drift: y½ = y + ½dt·z, where the force and ∂V/∂θ are taken. */
    public double half(double y, double z) {
        return y + 0.5 * dt * z;
    }

    /** The kick: z − dt·(∂V/∂y(y½) + γz). */
    public double kick(double z, double gradient) {
        return z - dt * (gradient + damping * z);
    }

    /** The second drift: y½ + ½dt·z (z after the kick). */
    public double drift(double half, double z) {
        return half + 0.5 * dt * z;
    }
}
