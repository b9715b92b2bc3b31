package io.synaptor.synapses;

import java.util.List;

/** The learning rules by their setting name ({@code learning.rule}). */
public final class Rules {
    private Rules() {
    }

    public static final List<String> NAMES = List.of("one-sided");

    public static LearningRule create(String name, NudgeSchedule schedule, double rate) {
        return switch (name) {
            case "one-sided" -> new OneSidedEP(schedule, rate);
            default -> throw new IllegalArgumentException("unknown learning rule '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
