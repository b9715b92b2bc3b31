package io.synaptor.neurons;

/**
 * An overdamped oscillator in a bath at temperature T: dx = F dt + √(2T) dW, F = −∂E/∂x (k_B = 1),
 * integrated by Euler–Maruyama, x ← x + dt·F + √(2T·dt)·ξ (seed 001, REFERENCES.md "Local learning
 * rules for out-of-equilibrium physical generative models"; the same integrator as
 * {@link OverdampedUnit}). Its stationary density at fixed F = −U' is the Boltzmann density
 * exp(−U/T)/Z (up to O(dt)). A plain object: the host supplies the force, which holds the couplings.
 */
public record LangevinOscillator(double temperature, double dt) {
    public LangevinOscillator {
        OverdampedUnit.noiseScale(dt, temperature); // checks dt > 0 and T ≥ 0
    }

    /** √(2T·dt), the standard deviation of one step's thermal kick. */
    public double noiseScale() {
        return Math.sqrt(2.0 * temperature * dt);
    }

    /** One Euler–Maruyama step under the total force F (self plus couplings); ξ a standard normal draw. */
    public double step(double x, double force, double gaussian) {
        return x + dt * force + noiseScale() * gaussian;
    }

    /** One step in a fixed self-energy and no coupling. */
    public double step(double x, SelfEnergy u, double gaussian) {
        return step(x, -u.force(x), gaussian);
    }
}
