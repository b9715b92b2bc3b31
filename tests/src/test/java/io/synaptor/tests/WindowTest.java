package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4: windowed messages (K samples per message) change nothing but the number of messages (about K times fewer). */
class WindowTest {

    @Test
    void aWindowOfFiveGivesTheSameRunWithFourTimesFewerMessages(@TempDir Path tmp) {
        Config one = run(tmp.resolve("k1"), "1");
        Config five = run(tmp.resolve("k5"), "5");
        Map<String, Object> a = DeterminismTest.metrics(one);
        Map<String, Object> b = DeterminismTest.metrics(five);
        a.remove("time.window");
        b.remove("time.window");
        a.remove("messages_by_kind");
        b.remove("messages_by_kind");
        assertEquals(a, b, "every metric but the message counts");
        double ratio = (double) one.getLong("messages") / five.getLong("messages");
        System.out.printf("[WindowTest] messages %d (K = 1) → %d (K = 5): ratio %.2f%n", one.getLong("messages"),
                five.getLong("messages"), ratio);
        assertTrue(ratio >= 4.5, "message ratio " + ratio); // measured 4.90 (README; 4,606,180 → 940,160)
    }

    private static Config run(Path dir, String window) {
        Cli.Result r = Cli.run(dir, "run", "two-moons", "--seed", "3", "--set", "training.epochs=2", "--set",
                "training.train-size=200", "--set", "network.delay=5", "--set", "time.window=" + window,
                "--set", "units.temperature=0.001", "--set", "learning.rule=centered");
        assertEquals(0, r.exit(), r.err());
        return r.summary();
    }
}
