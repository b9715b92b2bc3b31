package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The double-well plug-in against its closed form, U(s) = a(s² − 1)² (docs/performance.md, "bench langevin"). */
class DoubleWellUnitTest {

    @Test
    void registryFindsTheBenchmarksWell() {
        UnitModel m = UnitModels.named("double-well");
        assertSame(DoubleWellUnit.class, m.getClass());
        assertEquals(1.0, ((DoubleWellUnit) m).barrier());
        assertEquals("double-well a=2.5", new DoubleWellUnit(2.5).name());
        assertThrows(IllegalArgumentException.class, () -> m.dynamics(Activation.named("tanh"), 0.05, 0.1, true));
    }

    /** U, U′ and U″ at a few points, written out: a(s² − 1)², 4a·s(s² − 1), 4a(3s² − 1). */
    @Test
    void selfEnergyIsTheClosedForm() {
        double a = 2.5;
        SelfEnergy u = new DoubleWellUnit(a).selfEnergy();
        for (double s : new double[]{-1.7, -1.0, -0.3, 0.0, 0.4, 1.0, 2.2}) {
            assertEquals(a * (s * s - 1) * (s * s - 1), u.energy(s), 1e-13);
            assertEquals(4 * a * s * (s * s - 1), u.force(s), 1e-13);
            assertEquals(4 * a * (3 * s * s - 1), u.curvature(s), 1e-13);
        }
        assertEquals(a, u.energy(0.0), 0.0); // the barrier's height
    }

    /**
     * One Euler–Maruyama step with tanh units (Scellier &amp; Bengio 2017, eq. 7, with this U):
     * s − dt[4a·s(s² − 1) − (1 − tanh² s)h] + √(2T dt)·ξ; measured: equal to the last bit or one ulp (≤ 4e-16).
     */
    @Test
    void oneStepIsEulerMaruyamaByHand() {
        double a = 1.0, dt = 0.05, temperature = 0.1;
        UnitDynamics d = UnitModels.named("double-well").dynamics(Activation.named("tanh"), dt, temperature, false);
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 50; k++) {
            double s = 3 * r.nextDouble() - 1.5, h = 2 * r.nextDouble() - 1, bias = 0.3 * r.nextDouble(), xi = r.nextGaussian();
            double th = Math.tanh(s);
            double want = s - dt * (4 * a * s * (s * s - 1) - (1 - th * th) * (h + bias)) + Math.sqrt(2 * temperature * dt) * xi;
            double[] state = {s};
            d.step(state, 0, new double[]{h}, bias, 0.0, 0.0, 0.0, xi);
            assertEquals(want, state[0], 1e-14);
        }
    }

    /** At T = 0 and no field, a unit started anywhere but the barrier's top relaxes into the well on its side. */
    @Test
    void relaxesIntoTheWells() {
        UnitDynamics d = new DoubleWellUnit(1.0).dynamics(Activation.named("tanh"), 0.05, 0.0, false);
        for (double s0 : new double[]{-2.0, -0.2, 0.2, 0.9, 1.6}) {
            double[] s = {s0};
            for (int t = 0; t < 400; t++) d.step(s, 0, new double[]{0.0}, 0.0, 0.0, 0.0, 0.0, 0.0);
            assertEquals(Math.signum(s0), s[0], 1e-12); // linear rate 8a·dt = 0.4 per step near s = ±1
        }
    }
}
