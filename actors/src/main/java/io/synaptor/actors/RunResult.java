package io.synaptor.actors;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves: every unit's final state (its real part, one value per example of the last
 * minibatch), biases and weights (weights in the spec's coupling order), the rules' last gradient
 * estimates, per-episode results in episode order, the protocol messages sent, by kind, and what
 * the monitors recorded ({@link Monitor}; empty without one).
 */
public record RunResult(double[][] states, double[] biases, double[] biasGradients, double[] weights,
                        double[] weightGradients, List<ProbeActor.EpisodeResult> episodes, Map<MessageKind, Long> sent,
                        Recording recording) {

    /** A run without monitors. */
    public RunResult(double[][] states, double[] biases, double[] biasGradients, double[] weights,
                     double[] weightGradients, List<ProbeActor.EpisodeResult> episodes, Map<MessageKind, Long> sent) {
        this(states, biases, biasGradients, weights, weightGradients, episodes, sent, Recording.EMPTY);
    }

    /** All protocol messages sent (state, drive, clock, clamp and target). */
    public long messages() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<MessageKind, Long> tally(long[] counts) {
        Map<MessageKind, Long> m = new EnumMap<>(MessageKind.class);
        for (MessageKind k : MessageKind.values()) m.put(k, counts[k.ordinal()]);
        return Collections.unmodifiableMap(m);
    }
}
