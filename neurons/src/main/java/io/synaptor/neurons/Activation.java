package io.synaptor.neurons;

import java.util.List;

/**
 * The activation ρ through which a unit couples to the others (DESIGN.md, "Learning rules":
 * E contains −½ Σ W_ij ρ(s_i)ρ(s_j)). The dense reference needs ρ' for the gradient and ρ'' for the
 * Hessian, so every activation provides both.
 */
public interface Activation {
    double rho(double s);

    double rhoPrime(double s);

    double rhoSecond(double s);

    /**
     * ρ'(s) when ρ(s) is already known — the same bits as {@link #rhoPrime(double)}, without a second
     * exponential where ρ' is a polynomial in ρ (σ(4s − 2), tanh).
     */
    default double rhoPrime(double s, double rho) {
        return rhoPrime(s);
    }

    /**
     * A state whose ρ is {@code rho} — ρ⁻¹ — used to clamp an input unit so that it presents a
     * given rate. Where ρ never reaches the value (σ(4s − 2) at 0 and 1, tanh at ±1) the state is
     * the one whose ρ lies {@link #RATE_MARGIN} inside the range instead of an infinite one.
     */
    double stateOf(double rho);

    /** How far inside an open range of ρ {@link #stateOf} stops: 10⁻³ of a rate. */
    double RATE_MARGIN = 1e-3;

    /** The state's admissible range: the identity, except for activations whose dynamics are projected. */
    default double clip(double s) {
        return s;
    }

    /** True when the state sits on the boundary of its admissible range (never for unbounded states). */
    default boolean atBound(double s) {
        return false;
    }

    /** Whether ρ extends to a holomorphic function of a complex state (holomorphic EP needs it). */
    default boolean holomorphic() {
        return false;
    }

    /**
     * ρ(re + i·im), written to out[at] (real part) and out[at + 1] (imaginary part): no object per
     * call, so complex units allocate nothing on the hot path (Laborieux &amp; Zenke 2022, section 3).
     */
    default void rho(double re, double im, double[] out, int at) {
        throw new UnsupportedOperationException(name() + " is not holomorphic");
    }

    /** ρ'(re + i·im), written like {@link #rho(double, double, double[], int)}. */
    default void rhoPrime(double re, double im, double[] out, int at) {
        throw new UnsupportedOperationException(name() + " is not holomorphic");
    }

    /** ρ''(re + i·im), written like {@link #rho(double, double, double[], int)} (the complex Hessian needs it). */
    default void rhoSecond(double re, double im, double[] out, int at) {
        throw new UnsupportedOperationException(name() + " is not holomorphic");
    }

    /** The name used in settings ({@code units.activation}). */
    String name();

    /** All activations, in the order {@code synaptor run --help} lists them. */
    List<Activation> ALL = List.of(new ShiftedSigmoid(), new HardSigmoid(), new Tanh());

    static Activation named(String name) {
        for (Activation a : ALL) {
            if (a.name().equals(name)) return a;
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (known: "
                + String.join(", ", ALL.stream().map(Activation::name).toList()) + ")");
    }
}
