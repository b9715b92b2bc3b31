package io.synaptor.synapses;

import java.util.List;

/** The learning rules by their setting name ({@code learning.rule}). */
public final class Rules {
    private Rules() {
    }

    public static final List<String> NAMES = List.of("one-sided", "centered");

    /** Whether the rule needs a symmetric (+β, −β) nudge schedule. */
    public static boolean symmetric(String name) {
        return name.equals("centered");
    }

    public static LearningRule create(String name, NudgeSchedule schedule, double rate) {
        return switch (name) {
            case "one-sided" -> new OneSidedEP(schedule, rate);
            case "centered" -> new CenteredEP(schedule, rate);
            default -> throw new IllegalArgumentException("unknown learning rule '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
