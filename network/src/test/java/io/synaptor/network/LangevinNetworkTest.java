package io.synaptor.network;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LangevinNetworkTest {
    @Test
    void withoutNoiseTheDynamicsDescendsTheEnergy() {
        // T = 0: s(t+1) = s(t) − dt ∂E/∂s(t), so E falls at every small step; a wrong sign, a missing
        // ½ or an asymmetric W would show as a rise.
        LangevinNetwork net = new LangevinNetwork(new LangevinNetwork.Spec(60, 0.3, 2.0, 0.5, 0.0, 0.01, 5), 3);
        double[] s = net.run(0);
        double previous = net.energy(s);
        double first = previous;
        for (int steps = 1; steps <= 200; steps++) {
            double e = net.energy(net.run(steps));
            assertTrue(e <= previous + 1e-12, "energy rose at step " + steps + ": " + previous + " → " + e);
            previous = e;
        }
        assertTrue(previous < first - 0.1, "the energy barely moved: " + first + " → " + previous);
    }

    @Test
    void theEnergyGradientIsTheForce() {
        // One step from s at T = 0 moves each unit by −dt ∂E/∂s_i: compare with central differences of E.
        double dt = 1e-3;
        LangevinNetwork net = new LangevinNetwork(new LangevinNetwork.Spec(30, 0.4, 1.5, 0.7, 0.0, dt, 9), 2);
        double[] s0 = net.run(0);
        double[] s1 = net.run(1);
        for (int i = 0; i < s0.length; i++) {
            double eps = 1e-6;
            double[] up = s0.clone();
            double[] down = s0.clone();
            up[i] += eps;
            down[i] -= eps;
            double grad = (net.energy(up) - net.energy(down)) / (2 * eps);
            assertEquals(-dt * grad, s1[i] - s0[i], 1e-9 * Math.max(1, Math.abs(grad)), "unit " + i);
        }
    }

    @Test
    void slicesChangeNoBitAndCouplingsAreSymmetricPairs() {
        LangevinNetwork.Spec spec = new LangevinNetwork.Spec(500, 0.05, 1.0, 1.0, 0.2, 0.05, 3);
        LangevinNetwork one = new LangevinNetwork(spec, 1);
        LangevinNetwork seven = new LangevinNetwork(spec, 7);
        assertEquals(one.couplings(), seven.couplings());
        assertEquals(0, one.couplings() % 2);
        double expected = 0.05 * 500 * 499;
        assertEquals(expected, one.couplings(), 5 * Math.sqrt(expected), "about p·N(N − 1) directed couplings");
        double[] a = one.run(100);
        double[] b = seven.run(100);
        assertArrayEquals(a, b, 0.0);
        assertTrue(Arrays.stream(a).allMatch(Double::isFinite));
        // Noise on: the units sit near the wells at ±1, not at rest at 0.
        double meanSquare = Arrays.stream(a).map(x -> x * x).average().orElseThrow();
        assertTrue(meanSquare > 0.5 && meanSquare < 2, "⟨s²⟩ = " + meanSquare);
    }
}
