package io.synaptor.neurons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every activation's ρ against its closed form, and ρ', ρ'' against central finite differences. */
class ActivationTest {
    private static final double H = 1e-5;
    /** Central differences with h = 1e-5: truncation ~h²ρ'''/6 ≈ 1e-10, rounding ~1e-16/h ≈ 1e-11. */
    private static final double FD_TOL = 1e-8;
    private static final double[] POINTS = {-3.0, -1.2, -0.4, 0.0, 0.13, 0.5, 0.77, 1.0, 1.6, 2.5};

    private static double fdFirst(java.util.function.DoubleUnaryOperator f, double s) {
        return (f.applyAsDouble(s + H) - f.applyAsDouble(s - H)) / (2 * H);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh"})
    void smoothDerivativesMatchFiniteDifferences(String name) {
        Activation a = Activation.named(name);
        double worst1 = 0, worst2 = 0;
        for (double s : POINTS) {
            double fd1 = fdFirst(a::rho, s);
            double fd2 = fdFirst(a::rhoPrime, s);
            assertEquals(fd1, a.rhoPrime(s), FD_TOL, name + " rho' at " + s);
            assertEquals(fd2, a.rhoSecond(s), FD_TOL, name + " rho'' at " + s);
            worst1 = Math.max(worst1, Math.abs(fd1 - a.rhoPrime(s)));
            worst2 = Math.max(worst2, Math.abs(fd2 - a.rhoSecond(s)));
        }
        System.out.printf("[ActivationTest] %s worst |FD-rho'| = %.2e, |FD-rho''| = %.2e%n", name, worst1, worst2);
    }

    /** stateOf inverts ρ inside its range and stops 10⁻³ inside an open range (the inputs' rate encoding). */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "hard-sigmoid"})
    void stateOfInvertsRho(String name) {
        Activation a = Activation.named(name);
        for (double r : new double[] {0.01, 0.2, 0.5, 0.73, 0.99}) {
            assertEquals(r, a.rho(a.stateOf(r)), 1e-12, name + " at " + r);
        }
        boolean open = !name.equals("hard-sigmoid");
        double low = name.equals("tanh") ? -1.0 : 0.0;
        assertEquals(open ? low + Activation.RATE_MARGIN : 0.0, a.rho(a.stateOf(low)), 1e-12, name + " at the low end");
        assertEquals(open ? 1.0 - Activation.RATE_MARGIN : 1.0, a.rho(a.stateOf(1.0)), 1e-12, name + " at the high end");
        // hand value: σ(4s − 2) = 0.25 at s = ½ + ¼·ln(1/3) = 0.22534692...
        if (name.equals("sigmoid")) assertEquals(0.5 + 0.25 * Math.log(1.0 / 3.0), a.stateOf(0.25), 1e-15);
    }

    @Test
    void shiftedSigmoidClosedForm() {
        Activation a = new ShiftedSigmoid();
        for (double s : POINTS) {
            double r = 1.0 / (1.0 + Math.exp(2.0 - 4.0 * s));
            assertEquals(r, a.rho(s), 1e-15);
        }
        assertEquals(0.5, a.rho(0.5), 0.0);
        assertEquals(1.0, a.rhoPrime(0.5), 1e-15); // 4·½·½
        assertEquals(0.0, a.rhoSecond(0.5), 1e-15); // inflection point
        // hand value: ρ(0) = σ(-2) = 0.11920292202211755
        assertEquals(0.11920292202211755, a.rho(0.0), 1e-16);
    }

    @Test
    void tanhClosedForm() {
        Activation a = new Tanh();
        assertEquals(0.0, a.rho(0.0), 0.0);
        assertEquals(1.0, a.rhoPrime(0.0), 0.0);
        assertEquals(0.0, a.rhoSecond(0.0), 0.0);
        // tanh(1) = 0.7615941559557649, sech²(1) = 0.41997434161402614
        assertEquals(0.7615941559557649, a.rho(1.0), 1e-15);
        assertEquals(0.41997434161402614, a.rhoPrime(1.0), 1e-15);
        assertEquals(-2 * 0.7615941559557649 * 0.41997434161402614, a.rhoSecond(1.0), 1e-15);
    }

    @Test
    void hardSigmoidAwayFromKinks() {
        Activation a = new HardSigmoid();
        for (double s : POINTS) {
            if (Math.abs(s) < 10 * H || Math.abs(s - 1.0) < 10 * H) continue; // kinks at 0 and 1
            assertEquals(Math.min(1.0, Math.max(0.0, s)), a.rho(s), 0.0);
            assertEquals(fdFirst(a::rho, s), a.rhoPrime(s), FD_TOL, "rho' at " + s);
            assertEquals(fdFirst(a::rhoPrime, s), a.rhoSecond(s), FD_TOL, "rho'' at " + s);
        }
        assertEquals(1.0, a.rhoPrime(0.5), 0.0);
        assertEquals(0.0, a.rhoPrime(-0.5), 0.0);
        assertEquals(0.0, a.rhoPrime(1.5), 0.0);
        assertEquals(0.0, a.rho(-7.0), 0.0);
        assertEquals(1.0, a.rho(7.0), 0.0);
    }

    @Test
    void namedFindsEachActivation() {
        assertInstanceOf(ShiftedSigmoid.class, Activation.named("sigmoid"));
        assertInstanceOf(HardSigmoid.class, Activation.named("hard-sigmoid"));
        assertInstanceOf(Tanh.class, Activation.named("tanh"));
        Set<String> names = new HashSet<>();
        for (Activation a : Activation.ALL) {
            assertTrue(names.add(a.name()), "duplicate name " + a.name());
            assertEquals(a.name(), Activation.named(a.name()).name());
        }
        assertEquals(3, names.size());
    }

    @Test
    void namedRejectsUnknownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.named("relu"));
        assertTrue(e.getMessage().contains("relu"), e.getMessage());
        assertTrue(e.getMessage().contains("sigmoid") && e.getMessage().contains("tanh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activation.named("Sigmoid"));
        assertThrows(IllegalArgumentException.class, () -> Activation.named(""));
    }

    @Test
    void quadraticSelfEnergyAndSquaredErrorDerivatives() {
        SelfEnergy u = SelfEnergy.QUADRATIC;
        for (double s : POINTS) {
            assertEquals(0.5 * s * s, u.energy(s), 1e-15);
            assertEquals(fdFirst(u::energy, s), u.force(s), FD_TOL);
            assertEquals(fdFirst(u::force, s), u.curvature(s), FD_TOL);
            double y = 0.3;
            assertEquals(0.5 * (s - y) * (s - y), SquaredError.cost(s, y), 1e-15);
            assertEquals(fdFirst(v -> SquaredError.cost(v, y), s), SquaredError.gradient(s, y), FD_TOL);
        }
    }
}
