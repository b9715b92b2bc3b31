package io.synaptor.scenarios.bench;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/**
 * Send-on-delta against always-send (issue 4): the gradient-check net relaxes once with units that
 * report every change of ρ and once with units that report only moves beyond a threshold; the two
 * runs stand side by side, and the benchmark prints the ratio of state messages and how far each
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

        public String render() {
            return String.format("""
                    send-on-delta on the gradient-check net (threshold %.1e)
                      always-send     %,10d state messages (%,d in all), free state within %.2e of the reference, gradient cosine %.6f
                      send-on-delta   %,10d state messages (%,d in all), free state within %.2e of the reference, gradient cosine %.6f
                      ratio (always / on-delta state messages) = %.1f""",
                    threshold, always.stateMessages(), always.messages(), always.fixedPointError(), always.cosine(),
                    onDelta.stateMessages(), onDelta.messages(), onDelta.fixedPointError(), onDelta.cosine(), ratio());
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
