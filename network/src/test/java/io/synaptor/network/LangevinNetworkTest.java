package io.synaptor.network;

import io.synaptor.neurons.DoubleWellUnit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LangevinNetworkTest {
    private static double[] uniform(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return r.doubles(n, -1.5, 1.5).toArray();
    }

    @Test
    void withoutNoiseTheDynamicsDescendsTheEnergy() {
        // T = 0, delay 0: s(t+1) = s(t) − dt ∂E/∂s(t), so E falls at every small step; a wrong sign, a missing
        // ½ or an asymmetric W would show as a rise.
        LangevinNetwork net = new LangevinNetwork(new LangevinNetwork.Spec(60, 0.3, 2.0, 0.5, 0.0, 0.01, 5));
        double[] s0 = uniform(60, 1);
        double previous = net.energy(s0);
        double first = previous;
        for (int steps = 1; steps <= 200; steps++) {
            double e = net.energy(net.run(s0, steps, 0));
            assertTrue(e <= previous + 1e-12, "energy rose at step " + steps + ": " + previous + " → " + e);
            previous = e;
        }
        assertTrue(previous < first - 0.1, "the energy barely moved: " + first + " → " + previous);
    }

    @Test
    void theEnergyGradientIsTheForce() {
        // One step from s at T = 0 moves each unit by −dt ∂E/∂s_i (any delay: the first step sees s(0) itself):
        // compare with central differences of E.
        double dt = 1e-3;
        LangevinNetwork net = new LangevinNetwork(new LangevinNetwork.Spec(30, 0.4, 1.5, 0.7, 0.0, dt, 9));
        double[] s0 = uniform(30, 2);
        double[] s1 = net.run(s0, 1, 2);
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
    void theNetworkSpecHoldsTheSamePairs() {
        LangevinNetwork.Spec spec = new LangevinNetwork.Spec(500, 0.05, 1.0, 1.0, 0.2, 0.05, 3);
        LangevinNetwork net = new LangevinNetwork(spec);
        NetworkSpec ns = net.network(2);
        assertEquals(net.couplings(), 2L * ns.couplings().size());
        double expected = 0.05 * 500 * 499;
        assertEquals(expected, net.couplings(), 5 * Math.sqrt(expected), "about p·N(N − 1) directed couplings");
        assertTrue(ns.couplings().stream().allMatch(c -> c.i() < c.j() && c.delay() == 2));
        assertTrue(Arrays.stream(ns.models()).allMatch(m -> m instanceof DoubleWellUnit d && d.barrier() == 1.0));
        assertEquals(0, ns.inputs().length + ns.outputs().length);
        // E from the spec's couplings and models, summed here: the same energy as the network's own (to round-off)
        double[] s = uniform(500, 4);
        double e = 0;
        for (int i = 0; i < 500; i++) e += ns.models()[i].selfEnergy().energy(s[i]);
        for (Coupling c : ns.couplings()) e -= c.weight() * Math.tanh(s[c.i()]) * Math.tanh(s[c.j()]);
        assertEquals(net.energy(s), e, 1e-10 * Math.abs(e));
        // Noise on, from rest: the units leave the barrier's top for the wells at ±1.
        double[] a = net.run(100, 1);
        assertTrue(Arrays.stream(a).allMatch(Double::isFinite));
        double meanSquare = Arrays.stream(a).map(x -> x * x).average().orElseThrow();
        assertTrue(meanSquare > 0.5 && meanSquare < 2, "⟨s²⟩ = " + meanSquare);
    }
}
