package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Acceptance (issues 2, 4 and 18): in virtual time the same seed gives the same bits — across runs,
 * and with the dispatcher on 1 thread or on 4 — whatever the timing model: the summary, every
 * epoch's row of metrics.csv and the final network (network.json, network.npz) byte for byte.
 */
class DeterminismTest {

    /**
     * Every summary entry except wall time, the thread count (a setting, not a result) and the
     * number of synapses' clock messages: those null messages are sent when a synapse learns that
     * its drive holds longer, which depends on the order in which its two ends' messages arrived —
     * a property of the conservative protocol, not of the results. Every other count, every state,
     * weight and metric must be identical.
     */
    static Map<String, Object> metrics(Config summary) {
        Map<String, Object> m = new TreeMap<>(summary.root().unwrapped());
        m.remove("wall_seconds");
        m.remove("runtime.threads");
        m.remove("messages");
        if (m.get("messages_by_kind") instanceof Map<?, ?> kinds) {
            Map<Object, Object> k = new TreeMap<>(kinds);
            k.remove("drive_clock");
            m.put("messages_by_kind", k);
        }
        return m;
    }

    @Test
    void sameSeedSameBitsAcrossRunsAndThreadCounts(@TempDir Path tmp) {
        assertSameBits(tmp, new String[]{"2", "2", "1", "4"}, "--set", "units.temperature=0.001");
    }

    /**
     * Issue 4: the same under every delay and update-rate model (and with hEP's complex states);
     * issue 19: with bilinear couplings and per-coupling rates (the output projection fixed).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "network.delay-model=uniform network.delay=3 network.delay-spread=2",
            "network.delay-model=lognormal network.delay=2 network.delay-spread=0.7",
            "network.delay-model=distance network.delay=3",
            "network.projection-delays=[1,4]",
            "network.granularity=block network.block-size=8 network.delay=2",
            "units.update=poisson units.update-rate=0.6 units.temperature=0.001",
            "units.update=heterogeneous units.update-rates=[0.9,0.5]",
            "network.jitter=3 network.drop=0.2 network.clock-skew=2",
            "network.delay=4 time.window=4 units.send-threshold=1e-3",
            "learning.rule=holomorphic learning.holomorphic.points=3 network.delay=2",
            "network.coupling=bilinear units.activation=hard-sigmoid units.temperature=0.001 learning.rates=[0.05,0]"})
    void sameBitsUnderEveryTimingModel(String settings, @TempDir Path tmp) {
        java.util.List<String> extra = new java.util.ArrayList<>();
        for (String kv : settings.split(" ")) {
            extra.add("--set");
            extra.add(kv);
        }
        assertSameBits(tmp, new String[]{"1", "4"}, extra.toArray(String[]::new));
    }

    private static void assertSameBits(Path tmp, String[] threadCounts, String... settings) {
        String[] fixed = {"run", "two-moons", "--seed", "7", "--set", "training.epochs=3", "--set", "training.train-size=100",
                "--set", "training.test-size=100"};
        String[] base = java.util.Arrays.copyOf(fixed, fixed.length + settings.length);
        System.arraycopy(settings, 0, base, fixed.length, settings.length);
        Map<String, Object> reference = null;
        Map<String, byte[]> referenceFiles = null;
        int k = 0;
        for (String threads : threadCounts) {
            String[] args = java.util.Arrays.copyOf(base, base.length + 2);
            args[base.length] = "--set";
            args[base.length + 1] = "runtime.threads=" + threads;
            Cli.Result r = Cli.run(tmp.resolve("run" + k++), args);
            assertEquals(0, r.exit(), r.err());
            Map<String, Object> m = metrics(r.summary());
            Map<String, byte[]> files = outputs(r.dir());
            if (reference == null) {
                reference = m;
                referenceFiles = files;
            } else {
                assertEquals(reference, m, "threads=" + threads);
                for (String f : OUTPUTS) assertArrayEquals(referenceFiles.get(f), files.get(f), f + ", threads=" + threads);
            }
        }
    }

    /** The outputs that hold results: per-epoch metrics and the final weights and biases. */
    private static final String[] OUTPUTS = {"metrics.csv", "network.json", "network.npz"};

    private static Map<String, byte[]> outputs(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String f : OUTPUTS) {
            try {
                files.put(f, Files.readAllBytes(dir.resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
