package io.synaptor.actors;

/**
 * A protocol message that may cross nodes: every one has a protobuf binding in
 * {@link ProtocolSerializer} (DESIGN.md, "The protocol"). Messages an actor only sends itself (timers)
 * do not carry it; {@link ProtocolSerializer#checkBindings} refuses to start when a message of a
 * protocol interface has neither.
 */
public interface WireMessage {
}
