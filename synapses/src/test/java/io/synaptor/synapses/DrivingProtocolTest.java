package io.synaptor.synapses;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Piecewise-linear protocols: knot values, linear in between, end knots held outside, and the knot weights as ∂p/∂θ_k. */
class DrivingProtocolTest {
    private final DrivingProtocol protocol = new DrivingProtocol(5, 2.0); // knots at 0, 0.5, 1, 1.5, 2
    private final double[] theta = {1, 3, -1, 0, 2};

    @Test
    void interpolatesLinearlyBetweenKnots() {
        assertEquals(1, protocol.value(theta, 0.0), 1e-15);
        assertEquals(3, protocol.value(theta, 0.5), 1e-15);
        assertEquals(2, protocol.value(theta, 0.25), 1e-15);
        assertEquals(0.0, protocol.value(theta, 0.875), 1e-15);
        assertEquals(2, protocol.value(theta, 2.0), 1e-15);
        assertEquals(2, protocol.value(theta, 7.0), 1e-15);
        assertEquals(1, protocol.value(theta, -1.0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new DrivingProtocol(1, 1.0));
    }

    @Test
    void accumulatedWeightsAreTheDerivativesOfTheValue() {
        for (double t : new double[]{0.0, 0.3, 0.5, 1.26, 1.99, 2.0}) {
            double[] grad = new double[5];
            protocol.accumulate(grad, t, 1.0);
            for (int k = 0; k < 5; k++) {
                double[] up = theta.clone();
                up[k] += 1e-6;
                double fd = (protocol.value(up, t) - protocol.value(theta, t)) / 1e-6;
                assertEquals(fd, grad[k], 1e-8, "t = " + t + ", knot " + k);
            }
        }
    }
}
