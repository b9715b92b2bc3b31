package io.synaptor.actors;

import io.synaptor.network.RelaxationResidual;

import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves: every unit's final state (its real part, one value per example of the last
 * minibatch), biases and weights (weights in the spec's coupling order), the rules' last gradient
 * estimates, per-episode results in episode order, the protocol messages sent, by kind, and what
 * the monitors recorded ({@link Monitor}; empty without one) and what the units' relaxation check
 * measured ({@link RelaxationResidual}).
 */
public record RunResult(double[][] states, double[] biases, double[] biasGradients, double[] weights,
                        double[] weightGradients, List<ProbeActor.EpisodeResult> episodes, Map<MessageKind, Long> sent,
                        Recording recording, RelaxationResidual.Stats relaxation) {

    /** All protocol messages sent (state, drive, clock, clamp and target). */
    public long messages() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The largest residual |ds/dt| at the end of any checked phase of the run (NaN if one was NaN). */
    public double residualMax() {
        return relaxation.max();
    }

    /** The largest residual of an (absolute) epoch. */
    public double residualMax(int epoch) {
        return relaxation.epochMax(epoch);
    }

    /** The threshold the residuals were held to (the tolerance, raised at T &gt; 0). */
    public double residualThreshold() {
        return relaxation.threshold();
    }

    /** Real examples (training and test, padding left out) whose relaxation did not converge, per absolute epoch. */
    public Map<Integer, Integer> unconvergedByEpoch() {
        BitSet bits = BitSet.valueOf(relaxation.unconverged());
        Map<Integer, Integer> m = new java.util.TreeMap<>();
        for (ProbeActor.EpisodeResult r : episodes) {
            long from = r.episode() * relaxation.batch();
            int n = from + r.count() > Integer.MAX_VALUE ? 0 : bits.get((int) from, (int) from + r.count()).cardinality();
            m.merge(r.epoch(), n, Integer::sum);
        }
        return m;
    }

    /** Real examples of the whole run whose relaxation did not converge. */
    public long unconvergedExamples() {
        return unconvergedByEpoch().values().stream().mapToLong(Integer::longValue).sum();
    }

    static Map<MessageKind, Long> tally(long[] counts) {
        Map<MessageKind, Long> m = new EnumMap<>(MessageKind.class);
        for (MessageKind k : MessageKind.values()) m.put(k, counts[k.ordinal()]);
        return Collections.unmodifiableMap(m);
    }
}
