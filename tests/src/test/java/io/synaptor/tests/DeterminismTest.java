package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Acceptance (issue 2): in virtual time the same seed gives the same bits — across runs, and
 * with the dispatcher on 1 thread or on 4.
 */
class DeterminismTest {

    /** Every summary entry except wall time and the thread count (which is a setting, not a result). */
    static Map<String, Object> metrics(Config summary) {
        Map<String, Object> m = new TreeMap<>(summary.root().unwrapped());
        m.remove("wall_seconds");
        m.remove("runtime.threads");
        return m;
    }

    @Test
    void sameSeedSameBitsAcrossRunsAndThreadCounts(@TempDir Path tmp) {
        String[] base = {"run", "two-moons", "--seed", "7", "--set", "training.epochs=3", "--set", "training.train-size=200",
                "--set", "units.temperature=0.001"};
        Map<String, Object> reference = null;
        int k = 0;
        for (String threads : new String[]{"2", "2", "1", "4"}) {
            String[] args = java.util.Arrays.copyOf(base, base.length + 2);
            args[base.length] = "--set";
            args[base.length + 1] = "runtime.threads=" + threads;
            Cli.Result r = Cli.run(tmp.resolve("run" + k++), args);
            assertEquals(0, r.exit(), r.err());
            Map<String, Object> m = metrics(r.summary());
            if (reference == null) reference = m;
            else assertEquals(reference, m, "threads=" + threads);
        }
    }
}
