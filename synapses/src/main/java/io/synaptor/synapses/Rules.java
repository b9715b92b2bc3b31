package io.synaptor.synapses;

import java.util.List;

/** The learning rules by their setting name ({@code learning.rule}). */
public final class Rules {
    private Rules() {
    }

    public static final List<String> NAMES = List.of("one-sided", "centered", "holomorphic", "chl", "continual");

    /**
     * The nudge each rule needs after the free phase; {@code holomorphic} is the circle or
     * oscillation holomorphic EP uses (its form picks the discrete or the online rule).
     */
    public static NudgeShape shape(String name, NudgeShape holomorphic) {
        return switch (name) {
            case "centered" -> NudgeShape.CENTERED;
            case "holomorphic" -> {
                if (!holomorphic.complex()) throw new IllegalArgumentException("holomorphic EP needs a complex nudge, got " + holomorphic);
                yield holomorphic;
            }
            default -> NudgeShape.ONE_SIDED;
        };
    }

    /** Whether the rule's second phase clamps the outputs to the target instead of nudging them. */
    public static boolean clampsOutputs(String name) {
        return name.equals("chl");
    }

    /** The rule with a learning rate that decays by {@code decay} per epoch ({@link DecayingRate}; 1: constant). */
    public static LearningRule create(String name, NudgeSchedule schedule, double rate, double decay) {
        return create(name, schedule, rate, Optimizer.sgd(decay));
    }

    /** The rule, learning at {@code rate}, with the optimizer's steps (plain or {@link AdaptiveStep}, decaying per epoch). */
    public static LearningRule create(String name, NudgeSchedule schedule, double rate, Optimizer optimizer) {
        return optimizer.wrap(create(name, schedule, rate), schedule, rate);
    }

    /**
     * The rule of a block of weights on the block's clock, cell k learning at rates[k] (NaN: no
     * weight in that cell): one-sided and centered EP keep their state in arrays
     * ({@link TwoSampleBlock}); the other rules are one object per weight.
     */
    public static BlockRule createBlock(String name, NudgeSchedule clock, double[] rates, Optimizer optimizer) {
        double any = java.util.Arrays.stream(rates).filter(r -> !Double.isNaN(r)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a block needs at least one weight"));
        BlockRule block;
        if (create(name, clock, any) instanceof TwoSampleRule rule) {
            block = new TwoSampleBlock(rule, rates);
        } else {
            LearningRule[] rules = new LearningRule[rates.length];
            for (int k = 0; k < rates.length; k++) if (!Double.isNaN(rates[k])) rules[k] = create(name, clock, rates[k]);
            block = BlockRule.perWeight(rules);
        }
        return optimizer.wrap(block, clock, rates);
    }

    public static LearningRule create(String name, NudgeSchedule schedule, double rate) {
        return switch (name) {
            case "one-sided" -> new OneSidedEP(schedule, rate);
            case "centered" -> new CenteredEP(schedule, rate);
            case "holomorphic" -> schedule.shape().form() == NudgeShape.Form.OSCILLATING
                    ? new OnlineHolomorphicEP(schedule, rate) : new HolomorphicEP(schedule, rate);
            case "chl" -> new ContrastiveHebbian(schedule, rate);
            case "continual" -> new ContinualEP(schedule, rate);
            default -> throw new IllegalArgumentException("unknown learning rule '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
