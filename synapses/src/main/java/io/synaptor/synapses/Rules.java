package io.synaptor.synapses;

import java.util.List;

/** The learning rules by their setting name ({@code learning.rule}). */
public final class Rules {
    private Rules() {
    }

    public static final List<String> NAMES = List.of("one-sided", "centered", "chl", "continual");

    /** Whether the rule needs a symmetric (+β, −β) nudge schedule. */
    public static boolean symmetric(String name) {
        return name.equals("centered");
    }

    /** Whether the rule's second phase clamps the outputs to the target instead of nudging them. */
    public static boolean clampsOutputs(String name) {
        return name.equals("chl");
    }

    public static LearningRule create(String name, NudgeSchedule schedule, double rate) {
        return switch (name) {
            case "one-sided" -> new OneSidedEP(schedule, rate);
            case "centered" -> new CenteredEP(schedule, rate);
            case "chl" -> new ContrastiveHebbian(schedule, rate);
            case "continual" -> new ContinualEP(schedule, rate);
            default -> throw new IllegalArgumentException("unknown learning rule '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
