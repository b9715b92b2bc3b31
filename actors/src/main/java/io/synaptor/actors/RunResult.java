package io.synaptor.actors;

import java.util.List;

/**
 * What a run leaves: every unit's final state (one value per example of the last minibatch),
 * biases and weights (weights in the spec's coupling order), the rules' last gradient estimates,
 * per-episode results in episode order, and the number of protocol messages sent (state, drive,
 * clock, clamp and target messages).
 */
public record RunResult(double[][] states, double[] biases, double[] biasGradients, double[] weights,
                        double[] weightGradients, List<ProbeActor.EpisodeResult> episodes, long messages) {
}
