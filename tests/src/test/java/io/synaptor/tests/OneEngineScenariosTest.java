package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.scenarios.data.DataSets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, "One engine": gmm-sampler, mnist01-oscillators, harmonic-trap (and issue 23's sequence-task) run on the common unit and
 * synapse actors, so network.delay, network.jitter, units.update = poisson and trace.enabled work for
 * them — and with all four on, each gives the same summary and metrics.csv on 1 and 4 threads, writes a
 * trace that synaptor trace reads, and differs from its run without them (the settings reach the actors).
 */
class OneEngineScenariosTest {
    private static final String[] TIMING = {"--set", "network.delay=2", "--set", "network.jitter=1", "--set", "units.update=poisson",
            "--set", "units.update-rate=0.7", "--set", "trace.enabled=true"};

    private static String[] small(String scenario) {
        return switch (scenario) {
            case "gmm-sampler" -> new String[]{"--set", "training.epochs=3", "--set", "data.train-size=200", "--set", "training.batch=50",
                    "--set", "sampling.samples=200"};
            case "harmonic-trap" -> new String[]{"--set", "stats.repetitions=3", "--set", "particles.count=200", "--set", "time.steps=100",
                    "--set", "plot.snapshots=3"};
            case "mnist01-oscillators" -> new String[]{"--set", "training.epochs=1", "--set", "training.batch=500",
                    "--set", "oscillators.coupling-range=1", "--set", "sampling.samples=50"};
            case "sequence-task" -> new String[]{"--set", "training.epochs=2", "--set", "training.train-size=40", "--set", "training.batch=20",
                    "--set", "training.test-size=50", "--set", "time.steps=30"};
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    private static Cli.Result run(Path dir, String scenario, int threads, String... more) {
        List<String> args = new ArrayList<>(List.of("run", scenario, "--seed", "5", "--set", "runtime.threads=" + threads));
        args.addAll(List.of(small(scenario)));
        args.addAll(List.of(more));
        Cli.Result r = Cli.run(dir, args.toArray(String[]::new));
        assertEquals(0, r.exit(), scenario + ": " + r.err());
        return r;
    }

    /** The summary without what a run may not reproduce: wall clock, and the setting that differs on purpose. */
    private static Map<String, Object> summary(Cli.Result r) {
        Map<String, Object> m = new TreeMap<>(r.summary().root().unwrapped());
        m.remove("wall_seconds");
        m.remove("actor_seconds");
        m.remove("runtime.threads");
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gmm-sampler", "harmonic-trap", "mnist01-oscillators", "sequence-task"})
    void delayJitterPoissonAndTraceWorkAndGiveTheSameBitsOnOneAndFourThreads(String scenario, @TempDir Path tmp) throws Exception {
        if (scenario.startsWith("mnist")) Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        Cli.Result one = run(tmp.resolve("one"), scenario, 1, TIMING);
        Cli.Result four = run(tmp.resolve("four"), scenario, 4, TIMING);
        assertEquals(summary(one), summary(four), scenario + ": summary on 1 and 4 threads");
        assertEquals(Files.readString(one.dir().resolve("metrics.csv")), Files.readString(four.dir().resolve("metrics.csv")), scenario);
        Path trace = one.dir().resolve("trace.pb");
        assertTrue(Files.size(trace) > 0, scenario + ": trace.pb");
        Cli.Result read = Cli.run(null, "trace", trace.toString());
        assertEquals(0, read.exit(), read.err());
        assertTrue(read.out().contains("drive latency"), read.out());

        Cli.Result plain = run(tmp.resolve("plain"), scenario, 2);
        Map<String, Object> a = summary(plain);
        Map<String, Object> b = summary(one);
        a.keySet().removeIf(k -> k.contains("."));
        b.keySet().removeIf(k -> k.contains("."));
        assertNotEquals(a, b, scenario + ": delay, jitter and Poisson updates changed nothing");
    }

    /**
     * The trap's learning alternates with the particles' steps, each waiting for the other's value over
     * the links, so longer links stretch virtual time and change nothing else: the same metrics with links
     * of 1 step and of 3 steps (with jitter too, but for the rounding: the learner's field adds its slices'
     * sums in the order they arrive). The trace holds every message the summary counts.
     */
    @Test
    void theTrapsSchemeDoesNotDependOnTheLinks(@TempDir Path tmp) throws Exception {
        Cli.Result fast = run(tmp.resolve("fast"), "harmonic-trap", 2);
        Cli.Result slow = run(tmp.resolve("slow"), "harmonic-trap", 2, "--set", "network.delay=3", "--set", "trace.enabled=true");
        Map<String, Object> a = summary(fast);
        Map<String, Object> b = summary(slow);
        a.keySet().removeIf(k -> k.contains(".") || k.equals("messages"));
        b.keySet().removeIf(k -> k.contains(".") || k.equals("messages"));
        assertEquals(a, b);
        assertEquals(Files.readString(fast.dir().resolve("metrics.csv")), Files.readString(slow.dir().resolve("metrics.csv")));
        Cli.Result read = Cli.run(null, "trace", slow.dir().resolve("trace.pb").toString());
        Matcher total = Pattern.compile(": ([\\d,]+) messages").matcher(read.out());
        assertTrue(total.find(), read.out());
        Config s = slow.summary();
        assertEquals(s.getLong("messages"), Long.parseLong(total.group(1).replace(",", "")));
    }
}
