package io.synaptor.network;

/** What a unit is for: clamped to data, free, or free and nudged toward a target. */
public enum Role { INPUT, HIDDEN, OUTPUT }
