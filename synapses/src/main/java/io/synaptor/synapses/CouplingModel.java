package io.synaptor.synapses;

import io.synaptor.neurons.Activation;

/**
 * A coupling between two units as a plug-in (DESIGN.md, "Learning rules"): the energy term
 * e_ij = −W_ij·φ(s_i)·φ(s_j) and so the force on each end, −∂e_ij/∂s_i = W_ij·φ'(s_i)·φ(s_j),
 * where φ is what an end presents to its couplings ({@link #ends}). Pairwise couplings of the EP
 * papers present the unit's activation, φ = ρ (Scellier &amp; Bengio 2017, eq. 1); bilinear ones
 * the state itself, φ(s) = s (seed 000's −s_iᵀW s_j). Biases act through the same φ (−b_i·φ(s_i)).
 *
 * <p>Every engine uses this split, which is what keeps a synapse's work O(1) and a block's a matrix
 * product: an end sends φ(s) (a unit actor's state message, a slice's vector), a synapse or block
 * sums W·φ into the other end's field h, and the end multiplies h by φ'(s) in its own step. So a
 * coupling reaches the unit dynamics, the synchronous simulation and the dense reference (which
 * differentiates φ twice) as the {@link Activation} {@link #ends} returns, and no engine names a
 * coupling. A network couples through one kind ({@code network.coupling}): a unit presents one φ
 * to all its couplings — see docs/architecture.md for why mixed kinds wait.
 *
 * <p>Kinds are found with {@link java.util.ServiceLoader} ({@link Couplings#named}): a jar that
 * lists an implementation in {@code META-INF/services/io.synaptor.synapses.CouplingModel} (for
 * instance by {@code @AutoService(CouplingModel.class)}) adds one without touching Synaptor.
 */
public interface CouplingModel {
    /** The value of {@code network.coupling} that picks it. */
    String name();

    /** One line for {@code --help} and the docs. */
    String description();

    /**
     * φ for units whose own activation is {@code unit}: its {@code rho}, {@code rhoPrime} and
     * {@code rhoSecond} are φ, φ' and φ'' (and their complex forms, for holomorphic EP); its
     * {@code clip} and {@code atBound} must stay the unit's, since they bound the state, not the
     * coupling; its {@code stateOf} is φ⁻¹ (an input clamped to present a value).
     * {@link CouplingEnds} builds one from φ and the unit's activation.
     */
    Activation ends(Activation unit);

    /** e_ij = −W·φ(s_i)·φ(s_j), the coupling's term of E. */
    static double energy(Activation phi, double w, double si, double sj) {
        return -w * phi.rho(si) * phi.rho(sj);
    }
}
