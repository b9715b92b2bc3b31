package io.synaptor.actors;

/** The run made no progress for too long: a protocol bug, never a silent hang. */
public final class SimulationStalled extends Exception {
    private static final long serialVersionUID = 1L;

    public SimulationStalled(String message) {
        super(message);
    }
}
