package io.synaptor.synapses;

/**
 * Where a rule holds an output unit during the nudged phase instead of nudging it by β: a value
 * fixed once per example from the unit's free state (the state when the phase starts), the
 * target and the episode's β (DESIGN.md, "Learning rules").
 */
@FunctionalInterface
public interface OutputClamp {
    double value(double free, double target, double beta);

    /** Clamped to the target (contrastive Hebbian learning, Movellan 1991). */
    OutputClamp TARGET = (free, target, beta) -> target;
}
