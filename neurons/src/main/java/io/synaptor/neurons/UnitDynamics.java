package io.synaptor.neurons;

/**
 * One unit's dynamics over a minibatch vector, as the hosts (unit actor, synchronous simulation)
 * drive it: real states ({@link OverdampedUnit}, one component per example) or complex states
 * ({@link HolomorphicUnit}, re/im interleaved: DESIGN.md, "The protocol"). Example b occupies
 * entries [b·c, b·c + c) of every vector, c = {@link #components()}; fields are vectors of the same
 * shape, so the host adds drives component by component whatever the kind of state.
 */
public interface UnitDynamics {
    Activation activation();

    /** Entries per example: 1 for real states, 2 for complex ones. */
    int components();

    boolean isNoisy();

    /**
     * One step of example b, in place: s ← s − dt·∂F/∂s (+ noise), with the field h (drives only,
     * same shape as s), the real bias, the nudge β = betaRe + i·betaIm and the real target.
     */
    void step(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double gaussian);

    /** ρ of example b of s, written to the same place in rho. */
    /**
     * {@link #step(double[], int, double[], double, double, double, double, double)} when {@code rho}
     * already holds ρ(s) at the same indices — the host computed it to send it — so a real unit
     * needs no second exponential for ρ'(s). The same bits.
     */
    default void step(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double gaussian,
                      double[] rho) {
        step(s, b, h, bias, betaRe, betaIm, target, gaussian);
    }

    void rho(double[] s, int b, double[] rho);
}
