package io.synaptor.bench;


import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/**
 * Send-on-delta against always-send (issue 4): the gradient-check net relaxes once with units that
 * report every change of ρ and once with units that report only moves beyond a threshold; the two
 * runs stand side by side, and the benchmark prints the ratio of state messages, the count of all
 * messages (clock messages take the place of the states saved, so it barely moves) and how far each
 * free state ends from the reference fixed point. The runs are in virtual time, so the counts are
 * exact, not timings.
 */
public final class SendOnDeltaBenchmark {
    private SendOnDeltaBenchmark() {
    }

    /** One run's figures: state messages sent, and the free state's distance to the reference. */
    public record Run(long stateMessages, long messages, double fixedPointError, double cosine) {
    }

    public record Report(double threshold, Run always, Run onDelta) {
        public double ratio() {
            return (double) always.stateMessages() / onDelta.stateMessages();
        }

        /** Always-send over send-on-delta, all messages counted: close to 1, as clock messages replace the states saved. */
        public double totalRatio() {
            return (double) always.messages() / onDelta.messages();
        }

        public String render() {
            return String.format("""
                    send-on-delta on the gradient-check net (threshold %.1e)
                      always-send     %,10d state messages, %,10d messages in all; free state within %.2e of the reference, gradient cosine %.6f
                      send-on-delta   %,10d state messages, %,10d messages in all; free state within %.2e of the reference, gradient cosine %.6f
                      state messages: %.1f× fewer (always / on-delta)
                      all messages:   %,d → %,d (ratio %.4f): a unit that sends no state still sends a clock message
                                      (virtual time must go on), so the count of messages barely moves; what is saved
                                      is the ρ payload, not the traffic (with a threshold the synapses' clock messages
                                      vary by a few dozen from run to run; states, drives and results do not)""",
                    threshold, always.stateMessages(), always.messages(), always.fixedPointError(), always.cosine(),
                    onDelta.stateMessages(), onDelta.messages(), onDelta.fixedPointError(), onDelta.cosine(), ratio(),
                    always.messages(), onDelta.messages(), totalRatio());
        }
    }

    /** @param gradientCheck runs the gradient-check scenario with extra settings and returns its summary metrics */
    public static Report run(double threshold, Function<Map<String, Object>, Map<String, Object>> gradientCheck, PrintStream log) {
        log.println("send-on-delta benchmark: always-send …");
        Run always = figures(gradientCheck.apply(Map.of("units.send-threshold", 0.0)));
        log.println("send-on-delta benchmark: threshold " + threshold + " …");
        Run onDelta = figures(gradientCheck.apply(Map.of("units.send-threshold", threshold)));
        return new Report(threshold, always, onDelta);
    }

    private static Run figures(Map<String, Object> m) {
        @SuppressWarnings("unchecked")
        Map<String, Long> kinds = (Map<String, Long>) m.get("messages_by_kind");
        return new Run(kinds.get("state"), ((Number) m.get("messages")).longValue(),
                ((Number) m.get("fixed_point_error")).doubleValue(), ((Number) m.get("gradient_cosine")).doubleValue());
    }
}
