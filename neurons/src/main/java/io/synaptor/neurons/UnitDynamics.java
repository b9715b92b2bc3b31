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

    /**
     * {@link #step(double[], int, double[], double, double, double, double, double)} when {@code rho}
     * already holds ρ(s) at the same indices — the host computed it to send it — so a real unit
     * needs no second exponential for ρ'(s). The same bits.
     */
    default void step(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double gaussian,
                      double[] rho) {
        step(s, b, h, bias, betaRe, betaIm, target, gaussian);
    }

    /**
     * Free, noiseless steps (β = 0, T = 0) of examples [from, to), all with the same bias, when
     * {@code rho} holds ρ(s): a slice stepping a unit's whole minibatch in one call, so the loop is
     * the implementation's own (DESIGN.md, "Granularity"). The same bits as calling
     * {@link #step(double[], int, double[], double, double, double, double, double, double[])} per example.
     */
    default void freeSteps(double[] s, int from, int to, double[] h, double bias, double[] rho) {
        for (int b = from; b < to; b++) step(s, b, h, bias, 0.0, 0.0, 0.0, 0.0, rho);
    }

    /**
     * The residual |ds/dt| of example b: the size of the deterministic step
     * {@link #step(double[], int, double[], double, double, double, double, double, double[])} would
     * take now (the noise left out, the projection onto the admissible range kept), divided by dt;
     * the modulus for complex states. s is left as it was. Zero at a fixed point of the step
     * (RelaxationResidual: how hosts tell a relaxation that did not converge).
     */
    double residual(double[] s, int b, double[] h, double bias, double betaRe, double betaIm, double target, double[] rho);

    /** ρ of example b of s, written to the same place in rho. */
    void rho(double[] s, int b, double[] rho);

    /** ρ of every example of s, into rho (same length). */
    default void rhoAll(double[] s, double[] rho) {
        for (int b = 0, n = s.length / components(); b < n; b++) rho(s, b, rho);
    }
}
