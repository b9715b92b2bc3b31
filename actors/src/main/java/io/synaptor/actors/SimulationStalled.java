package io.synaptor.actors;

/** No episode finished for too long: a deadlock, an actor that never stops, or an episode longer than the watch — never a silent hang. */
public class SimulationStalled extends Exception {
    private static final long serialVersionUID = 1L;

    public SimulationStalled(String message) {
        super(message);
    }
}
