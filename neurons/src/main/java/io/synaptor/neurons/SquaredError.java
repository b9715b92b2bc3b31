package io.synaptor.neurons;

/** The cost C = ½ (s − y)² an output unit feels when nudged (Scellier &amp; Bengio 2017, eq. 3; on the state, not on ρ). */
public final class SquaredError {
    private SquaredError() {
    }

    public static double cost(double s, double y) {
        double d = s - y;
        return 0.5 * d * d;
    }

    public static double gradient(double s, double y) {
        return s - y;
    }
}
