package io.synaptor.tests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance (issue 2): bad input is one clear line and exit 2; divergence is exit 3 and names the unit. */
class BadInputTest {

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown scenario", new String[]{"run", "no-such-scenario"}, "unknown scenario 'no-such-scenario'"),
                Arguments.of("unknown key", new String[]{"run", "two-moons", "--set", "network.dely=3"}, "unknown setting 'network.dely'"),
                Arguments.of("negative delay", new String[]{"run", "two-moons", "--set", "network.delay=-1"}, "network.delay"),
                Arguments.of("sub-step delay", new String[]{"run", "two-moons", "--set", "network.delay=0.5"}, "network.delay"),
                Arguments.of("zero delay", new String[]{"run", "gradient-check", "--set", "network.delay=0"}, "network.delay"),
                Arguments.of("non-numeric", new String[]{"run", "two-moons", "--set", "learning.beta=abc"}, "learning.beta must be a number"),
                Arguments.of("negative seed", new String[]{"run", "two-moons", "--seed", "-1"}, "--seed"),
                Arguments.of("huge seed", new String[]{"run", "two-moons", "--seed", "99999999999999999999"}, "--seed"),
                Arguments.of("no key=value", new String[]{"run", "two-moons", "--set", "learning.beta"}, "key=value"),
                Arguments.of("bad layers", new String[]{"run", "two-moons", "--set", "network.layers=[3,8,2]"}, "network.layers"),
                Arguments.of("hEP on the hard sigmoid", new String[]{"run", "two-moons", "--set", "learning.rule=holomorphic",
                        "--set", "units.activation=hard-sigmoid"}, "needs a holomorphic activation"),
                Arguments.of("hEP warm-up too long", new String[]{"run", "xor", "--set", "learning.rule=holomorphic",
                        "--set", "learning.holomorphic.form=online", "--set", "learning.holomorphic.warmup=3"}, "learning.holomorphic.warmup"),
                Arguments.of("NaN delay", new String[]{"run", "two-moons", "--set", "network.delay=NaN"}, "network.delay"),
                Arguments.of("uniform delays below a step", new String[]{"run", "two-moons", "--set", "network.delay-model=uniform",
                        "--set", "network.delay=2", "--set", "network.delay-spread=3"}, "reach below one step"),
                Arguments.of("drop probability 1", new String[]{"run", "two-moons", "--set", "network.drop=1"}, "network.drop"),
                Arguments.of("negative drop probability", new String[]{"run", "two-moons", "--set", "network.drop=-0.1"}, "network.drop"),
                Arguments.of("negative jitter", new String[]{"run", "two-moons", "--set", "network.jitter=-2"}, "network.jitter"),
                Arguments.of("window beyond the delay", new String[]{"run", "two-moons", "--set", "network.delay=2",
                        "--set", "time.window=3"}, "time.window (3) must not exceed the shortest link delay (2 steps)"),
                Arguments.of("free mode with jitter", new String[]{"run", "two-moons", "--set", "time.mode=free",
                        "--set", "network.jitter=2"}, "real latencies only"),
                Arguments.of("projection delays per layer pair", new String[]{"run", "two-moons", "--set",
                        "network.projection-delays=[1,2,3]"}, "one delay per projection (2)"),
                Arguments.of("fractional projection delay", new String[]{"run", "two-moons", "--set",
                        "network.projection-delays=[1,0.5]"}, "whole numbers of steps"),
                Arguments.of("blocks with per-link delays", new String[]{"run", "two-moons", "--set", "network.granularity=block",
                        "--set", "network.delay-model=lognormal", "--set", "network.delay-spread=0.5"}, "one delay per block"),
                Arguments.of("rates per projection", new String[]{"run", "two-moons", "--set", "learning.rates=[0.1]"},
                        "one rate per projection (2)"),
                Arguments.of("missing checkpoint", new String[]{"run", "--resume", "/nonexistent/checkpoint.pb"}, "does not exist"),
                Arguments.of("persistent states on a cluster", new String[]{"run", "two-moons", "--local-nodes", "2", "--set",
                        "units.persistent=true"}, "one JVM only"),
                Arguments.of("a one-JVM scenario on a cluster", new String[]{"run", "harmonic-trap", "--local-nodes", "2"},
                        "harmonic-trap runs on one JVM only"),
                Arguments.of("cluster and local nodes", new String[]{"run", "two-moons", "--local-nodes", "2", "--cluster",
                        "127.0.0.1:2552"}, "give one"),
                Arguments.of("a seed without a port", new String[]{"run", "two-moons", "--cluster", "localhost"}, "HOST:PORT"),
                Arguments.of("rate decay above one", new String[]{"run", "two-moons", "--set", "learning.rate-decay=1.5"},
                        "learning.rate-decay"),
                Arguments.of("resume and config", new String[]{"run", "--resume", "a.pb", "--config", "b.conf"}, "give one"),
                Arguments.of("NaN delay spread", new String[]{"run", "two-moons", "--set", "network.delay-spread=NaN"}, "network.delay-spread"),
                Arguments.of("update rate above 1", new String[]{"run", "two-moons", "--set", "units.update=poisson",
                        "--set", "units.update-rate=1.5"}, "units.update-rate"),
                Arguments.of("rates per layer", new String[]{"run", "two-moons", "--set", "units.update=heterogeneous",
                        "--set", "units.update-rates=[0.5]"}, "one rate per layer"),
                Arguments.of("missing config", new String[]{"run", "--config", "/nonexistent/config.conf"}, "does not exist"));
    }

    /** Benchmarks write no run directory: the same one line and exit 2, before any measurement starts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badBenchmarks")
    void benchmarkBadInputIsOneLineAndExitTwo(String what, String[] args, String expected) {
        Cli.Result r = Cli.run(null, args);
        assertEquals(2, r.exit(), what + ": " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line, not: " + err);
        assertTrue(err.contains(expected), err);
        assertTrue(r.out().isEmpty(), "nothing measured: " + r.out());
    }

    static Stream<Arguments> badBenchmarks() {
        return Stream.of(
                Arguments.of("unknown benchmark", new String[]{"bench", "no-such-bench"}, "unknown benchmark 'no-such-bench'"),
                Arguments.of("empty slice for bench step", new String[]{"bench", "step", "--units", "0"}, "step needs positive --units and --batch"),
                Arguments.of("relax without layers", new String[]{"bench", "relax", "--layers", "784"}, "at least two positive sizes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void oneLineAndExitTwoAndNothingWritten(String what, String[] args, String expected, @TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(out, args);
        assertEquals(2, r.exit(), what + ": " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line, not: " + err);
        assertTrue(err.startsWith("synaptor: ") && err.contains(expected), err);
        assertFalse(Files.exists(out), "nothing may be written for bad input");
    }

    @Test
    void divergenceExitsThreeNamingTheFirstUnit(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run(out, "run", "two-moons", "--set", "time.dt=5", "--set", "training.epochs=1");
        assertEquals(3, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.matches("synaptor: the run diverged: unit \\d+ diverged first, at step \\d+ .*"), err);
        assertFalse(Files.exists(out.resolve("summary.json")));
    }
}
