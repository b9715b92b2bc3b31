package io.synaptor.neurons;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The anharmonic unit against its closed form, U(s) = ½J₂s² + ¼J₄s⁴ (seed 000's substrate). */
class AnharmonicUnitTest {

    @Test
    void registryHasTheUnitWell() {
        UnitModel m = UnitModels.named("anharmonic");
        assertSame(AnharmonicUnit.class, m.getClass());
        assertEquals(1.0, ((AnharmonicUnit) m).j2());
        assertEquals(1.0, ((AnharmonicUnit) m).j4());
        assertEquals("anharmonic J2=0.1 J4=0.5", new AnharmonicUnit(0.1, 0.5).name());
        assertThrows(IllegalArgumentException.class, () -> new AnharmonicUnit(1.0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new AnharmonicUnit(-1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> m.dynamics(Activation.named("tanh"), 0.05, 0.1, true));
    }

    /** U, U′ and U″ written out: ½J₂s² + ¼J₄s⁴, J₂s + J₄s³, J₂ + 3J₄s². */
    @Test
    void selfEnergyIsTheClosedForm() {
        double j2 = 0.3, j4 = 1.7;
        SelfEnergy u = new AnharmonicUnit(j2, j4).selfEnergy();
        for (double s : new double[]{-1.9, -0.6, 0.0, 0.25, 1.0, 2.4}) {
            assertEquals(0.5 * j2 * s * s + 0.25 * j4 * s * s * s * s, u.energy(s), 1e-13);
            assertEquals(j2 * s + j4 * s * s * s, u.force(s), 1e-13);
            assertEquals(j2 + 3 * j4 * s * s, u.curvature(s), 1e-13);
        }
    }

    /**
     * A tanh unit in a constant field h relaxes, one Euler step at a time, to the root of
     * J₂s + J₄s³ = (1 − tanh² s)·h, found here by bisection.
     */
    @Test
    void relaxesToTheRootOfItsForceBalance() {
        double j2 = 0.5, j4 = 2.0;
        UnitDynamics d = new AnharmonicUnit(j2, j4).dynamics(Activation.named("tanh"), 0.05, 0.0, false);
        SplittableRandom r = new SplittableRandom(11);
        for (int k = 0; k < 5; k++) {
            double h = 2 * r.nextDouble() - 1;
            double[] s = {0.0};
            for (int t = 0; t < 4000; t++) d.step(s, 0, new double[]{h}, 0.0, 0.0, 0.0, 0.0, 0.0);
            double lo = -3, hi = 3;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                double th = Math.tanh(mid);
                if (j2 * mid + j4 * mid * mid * mid - (1 - th * th) * h > 0) hi = mid;
                else lo = mid;
            }
            assertEquals(0.5 * (lo + hi), s[0], 1e-10, "h = " + h);
        }
    }
}
