package io.synaptor.synapses;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a synapse turns its rule's change into a step of its weight ({@code learning.optimizer},
 * {@code learning.rate-decay}): {@link Kind#SGD} applies the rule's change −η·ĝ as it is; {@link Kind#ADAM}
 * rescales it by the synapse's own running moments of its past changes ({@link AdaptiveStep}). Either
 * way every step is multiplied by γ^e in epoch e ({@link DecayingRate}; γ = 1: constant). Both stay
 * synapse-local: what a weight's step depends on is its own history.
 */
public record Optimizer(Kind kind, double decay) {
    public enum Kind {
        /** Plain stochastic gradient steps: Δw = −η·γ^e·ĝ. */
        SGD,
        /** Per-weight moment estimates (Kingma and Ba 2015, Algorithm 1): Δw = −η·γ^e·m̂/(√v̂ + ε). */
        ADAM;

        /** The setting's spelling ("sgd", "adam"). */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind a setting names; one sentence naming the choices otherwise. */
        public static Kind named(String name) {
            for (Kind k : values()) if (k.settingName().equals(name)) return k;
            throw new IllegalArgumentException("unknown optimizer '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** The kinds' setting names ({@code learning.optimizer}'s choices). */
    public static final List<String> NAMES = Arrays.stream(Kind.values()).map(Kind::settingName).toList();

    /** Plain steps, constant rate. */
    public static final Optimizer SGD = new Optimizer(Kind.SGD, 1.0);

    public Optimizer {
        if (kind == null) throw new IllegalArgumentException("an optimizer needs a kind");
        if (!(decay >= 0.0 && decay <= 1.0)) throw new IllegalArgumentException("the rate decay must be in [0, 1], got " + decay);
    }

    /** The optimizer a setting names ("sgd", "adam"), its rate decaying by γ per epoch. */
    public static Optimizer of(String kind, double decay) {
        return new Optimizer(Kind.named(kind), decay);
    }

    /** Plain steps whose rate decays by γ per epoch. */
    public static Optimizer sgd(double decay) {
        return new Optimizer(Kind.SGD, decay);
    }

    /** {@code rule}, learning at {@code rate}, with this optimizer's steps. */
    LearningRule wrap(LearningRule rule, NudgeSchedule schedule, double rate) {
        LearningRule r = kind == Kind.ADAM ? new AdaptiveStep(rule, schedule, rate) : rule;
        return decay == 1.0 ? r : new DecayingRate(r, schedule, decay);
    }

    /** A block's rule, cell k learning at rates[k], with this optimizer's steps: each cell as {@link #wrap} would make it. */
    BlockRule wrap(BlockRule block, NudgeSchedule clock, double[] rates) {
        BlockRule b = kind == Kind.ADAM ? AdaptiveStep.of(block, clock, rates) : block;
        return decay == 1.0 ? b : DecayingRate.of(b, clock, decay);
    }
}
