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
        LearningRule rule = create(name, schedule, rate);
        return decay == 1.0 ? rule : new DecayingRate(rule, schedule, decay);
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
