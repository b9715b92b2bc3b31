package io.synaptor.neurons;

/**
 * The self-energy of a Langevin oscillator, U(x) = a/2·x² + b·x + c/4·x⁴ (this design,
 * docs/scenarios.md#gmm-sampler): harmonic for c = 0 (a &gt; 0), a double well for a &lt; 0 &lt; c.
 * As for every {@link SelfEnergy}, {@link #force} is U'(x) (the physical force is −U'(x)).
 */
public record QuarticPotential(double a, double b, double c) implements SelfEnergy {

    /** U = k/2·x², a harmonic trap of stiffness k. */
    public static QuarticPotential harmonic(double stiffness) {
        return new QuarticPotential(stiffness, 0.0, 0.0);
    }

    /** U = −x²/2 + x⁴/4: wells at x = ±1 separated by a barrier of height ¼. */
    public static QuarticPotential doubleWell() {
        return new QuarticPotential(-1.0, 0.0, 1.0);
    }

    /** U(x) with parameters given at the call: the driven oscillator's parameters change with protocol time. */
    public static double energy(double x, double a, double b, double c) {
        double x2 = x * x;
        return 0.5 * a * x2 + b * x + 0.25 * c * x2 * x2;
    }

    /** U'(x) = a·x + b + c·x³. */
    public static double gradient(double x, double a, double b, double c) {
        return a * x + b + c * x * x * x;
    }

    @Override
    public double energy(double x) {
        return energy(x, a, b, c);
    }

    @Override
    public double force(double x) {
        return gradient(x, a, b, c);
    }

    @Override
    public double curvature(double x) {
        return a + 3.0 * c * x * x;
    }
}
