package io.synaptor.neurons;

import com.google.auto.service.AutoService;

/**
 * {@code anharmonic}: U(s) = ½J₂s² + ¼J₄s⁴, overdamped — the nonlinear self-energy of a thermodynamic
 * diffusion substrate (seed 000; REFERENCES.md, "Thermodynamic diffusion with symmetric EP": a purely
 * quadratic energy gives a linear denoiser, which only learns Gaussian data, so the quartic term is what
 * lets it learn several modes). J₂ is the stiffness at rest, J₄ ≥ 0 keeps it confined. The registry's
 * model has J₂ = J₄ = 1; another is {@code new AnharmonicUnit(j2, j4)} in code, named
 * {@code anharmonic J2=… J4=…}, which the registry (and so a cluster node decoding a spec by model name)
 * does not know — it refuses it rather than run another energy.
 */
@AutoService(UnitModel.class)
public final class AnharmonicUnit implements UnitModel {
    static final String NAME = "anharmonic";

    private final double j2;
    private final double j4;
    private final QuarticPotential energy;

    /** The registry's model: J₂ = J₄ = 1. */
    public AnharmonicUnit() {
        this(1.0, 1.0);
    }

    public AnharmonicUnit(double j2, double j4) {
        if (!(j4 >= 0) || !Double.isFinite(j4)) throw new IllegalArgumentException("J4 must be ≥ 0 (a confining quartic term), got " + j4);
        if (!Double.isFinite(j2) || (j4 == 0 && !(j2 > 0))) {
            throw new IllegalArgumentException("J2 must be positive when J4 = 0 (else nothing confines the unit), got " + j2);
        }
        this.j2 = j2;
        this.j4 = j4;
        this.energy = new QuarticPotential(j2, 0.0, j4);
    }

    public double j2() {
        return j2;
    }

    public double j4() {
        return j4;
    }

    @Override
    public String name() {
        return j2 == 1.0 && j4 == 1.0 ? NAME : NAME + " J2=" + j2 + " J4=" + j4;
    }

    @Override
    public String description() {
        return "U(s) = ½J₂s² + ¼J₄s⁴, J₂ = " + j2 + ", J₄ = " + j4 + ": a stiffening (or, for J₂ < 0, double) well; ds/dt = −∂F/∂s (+ noise at T > 0)";
    }

    @Override
    public SelfEnergy selfEnergy() {
        return energy;
    }

    @Override
    public UnitDynamics dynamics(Activation activation, double dt, double temperature, boolean complex) {
        if (complex) throw new IllegalArgumentException("the anharmonic unit has real states only (no holomorphic form)");
        return new OverdampedUnit(activation, energy, dt, temperature);
    }
}
