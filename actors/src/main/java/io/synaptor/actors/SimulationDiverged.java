package io.synaptor.actors;

/** A unit's state (or a weight) became non-finite or blew up; names the first in virtual time. */
public final class SimulationDiverged extends Exception {
    private static final long serialVersionUID = 1L;
    private final String who;
    private final long time;

    public SimulationDiverged(String who, long time, double value) {
        super(who + " diverged first, at step " + time + " (value " + value + ")");
        this.who = who;
        this.time = time;
    }

    public String who() {
        return who;
    }

    public long time() {
        return time;
    }
}
