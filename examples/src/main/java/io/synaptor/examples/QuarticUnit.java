package io.synaptor.examples;

import com.google.auto.service.AutoService;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.OverdampedUnit;
import io.synaptor.neurons.SelfEnergy;
import io.synaptor.neurons.UnitDynamics;
import io.synaptor.neurons.UnitModel;

/**
 * A stiffening unit: U(s) = s²/2 + a·s⁴/4 with a = {@value #STIFFNESS}, a quadratic well whose
 * walls steepen away from rest (the quartic term of a Landau/φ⁴ expansion with a positive
 * coefficient). Its term of the energy E = Σ U(s_i) − ½ Σ W_ij ρ_iρ_j − Σ b_i ρ_i (Scellier &amp;
 * Bengio 2017, eq. 1, with this U in place of s²/2) gives the force U'(s) = s + a·s³ and the
 * curvature U''(s) = 1 + 3a·s², which the dense reference needs for its Hessian. The dynamics are
 * overdamped, ds/dt = −∂F/∂s (+ √(2T) ξ), stepped by {@link OverdampedUnit}.
 *
 * <p>This file is the whole plug-in: {@code @AutoService} lists it for {@link java.util.ServiceLoader},
 * and {@code units.model = quartic} picks it.
 */
@AutoService(UnitModel.class)
public final class QuarticUnit implements UnitModel {
    /** a, the quartic coefficient. */
    public static final double STIFFNESS = 1.0;

    private static final SelfEnergy ENERGY = new SelfEnergy() {
        @Override
        public double energy(double s) {
            double s2 = s * s;
            return 0.5 * s2 + 0.25 * STIFFNESS * s2 * s2;
        }

        @Override
        public double force(double s) {
            return s + STIFFNESS * s * s * s;
        }

        @Override
        public double curvature(double s) {
            return 1.0 + 3.0 * STIFFNESS * s * s;
        }
    };

    @Override
    public String name() {
        return "quartic";
    }

    @Override
    public String description() {
        return "U(s) = s²/2 + s⁴/4, a stiffening unit; ds/dt = −∂F/∂s (+ noise at T > 0); real states only";
    }

    @Override
    public SelfEnergy selfEnergy() {
        return ENERGY;
    }

    @Override
    public UnitDynamics dynamics(Activation activation, double dt, double temperature, boolean complex) {
        if (complex) {
            throw new IllegalArgumentException("the quartic unit has no complex form, so holomorphic EP cannot use it; "
                    + "pick a real rule (e.g. one-sided) or units.model=overdamped");
        }
        return new OverdampedUnit(activation, ENERGY, dt, temperature);
    }
}
