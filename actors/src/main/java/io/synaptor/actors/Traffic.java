package io.synaptor.actors;

/** Simulation messages that crossed between JVMs and their serialized bytes (payload as Artery sends it, without framing). */
public record Traffic(long messages, long bytes) {
    public static final Traffic NONE = new Traffic(0, 0);

    public Traffic plus(Traffic o) {
        return new Traffic(messages + o.messages, bytes + o.bytes);
    }

    public Traffic minus(Traffic o) {
        return new Traffic(messages - o.messages, bytes - o.bytes);
    }
}
