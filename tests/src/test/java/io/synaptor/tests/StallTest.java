package io.synaptor.tests;

import io.synaptor.scenarios.cli.Synaptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stall watch (runtime.stall-timeout): a run in which no episode finishes for that long stops
 * with exit 3, one sentence that says what the dispatcher threads were doing (here: working, so an
 * episode longer than the watch, not a deadlock), and no result.
 *
 * <p>The protocol has no known deadlock to provoke, so the watch is made to fire by work it cannot
 * see the end of: XOR's first episode with a free phase of 10^7 steps needs ~2·10^8 messages (~20 per
 * step, measured: 1.6·10^6 messages per epoch of 8 episodes at T1 = 10^4), ~160 s at the measured
 * 1.2·10^6 messages/s, against a watch of 1 s.
 */
class StallTest {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // 1.2–5 s measured
    void aRunWithNoFinishedEpisodeStopsWithExitThreeAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("stalled");
        Cli.Result r = Cli.run(out, "run", "xor", "--set", "time.free-steps=10000000", "--set", "runtime.stall-timeout=1");
        assertEquals(Synaptor.RUN_FAILED, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        // The actors are busy the whole time (20 looks at the dispatcher threads), so the sentence must say so and
        // name the remedy, not call it a deadlock.
        assertTrue(err.startsWith("synaptor: the simulation finished no episode for 1 s: its actors are still working (")
                && err.contains("an episode longer than runtime.stall-timeout = 1 s (raise it)"), err);
        assertTrue(!Files.exists(out) || isEmpty(out), "nothing half-written");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
