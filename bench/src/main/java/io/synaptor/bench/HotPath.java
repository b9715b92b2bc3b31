package io.synaptor.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the JMH micro-benchmarks of the hot path ({@link SliceStepBenchmark}) in one forked JVM and
 * reports each variant's time per slice step and its ratio to the same loop written out in place —
 * measured side by side in one run, as every {@code synaptor bench} figure is.
 */
public final class HotPath {
    private HotPath() {
    }

    /** Mean µs per call of each benchmark method, in the order JMH ran them. */
    public static Map<String, Double> run(int units, int batch) throws RunnerException {
        var options = new OptionsBuilder()
                .include(SliceStepBenchmark.class.getName() + "\\.")
                .param("units", Integer.toString(units))
                .param("batch", Integer.toString(batch))
                .forks(1)
                .warmupIterations(4).warmupTime(TimeValue.seconds(1))
                .measurementIterations(6).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.isEmpty()) throw new RunnerException("no benchmark ran");
        Map<String, Double> micros = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            micros.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        return micros;
    }

    public static String render(int units, int batch, Map<String, Double> micros) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "step benchmark (JMH, 1 fork, 4 × 1 s warm-up, 6 × 1 s measured): one free step of a slice of %d sigmoid units × minibatch %d%n",
                units, batch));
        for (var e : micros.entrySet()) {
            // each variant beside the loop written out in place that computes the same thing
            String reference = (e.getKey().startsWith("step") ? "stepLoop" : "slice") + "WrittenOut";
            Double ref = micros.get(reference); // absent only if JMH failed to run it
            out.append(String.format(Locale.ROOT, "  %-19s %9.2f µs", e.getKey(), e.getValue()))
                    .append(ref == null ? "" : String.format(Locale.ROOT, "   ratio (%s / this) = %.2f", reference, ref / e.getValue()))
                    .append(System.lineSeparator());
        }
        return out.toString().stripTrailing();
    }
}
