package io.synaptor.actors;

/**
 * A cluster member's transport dropped a message of the run (issue 24, "No silent loss"): Artery delivers at
 * most once, and in virtual time a lost value would either stall the run or — followed by a later promise —
 * leave a receiver with a stale value, a wrong number. So a drop ends the run at once, in one sentence, as a
 * stall does ({@link DropWatch}).
 */
public final class MessageLost extends SimulationStalled {
    private static final long serialVersionUID = 1L;

    public MessageLost(String what) {
        super("the cluster's transport dropped a message of the run (" + what + "): Artery delivers at most once, so the run "
                + "cannot go on exactly and stops here; a send queue that overflows means more traffic than the links carry");
    }
}
