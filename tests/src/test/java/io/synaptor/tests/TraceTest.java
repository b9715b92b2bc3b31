package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4: the message trace holds every message the run counted, and synaptor trace reads it. */
class TraceTest {

    @Test
    void theTraceCountsWhatTheSummaryCounts(@TempDir Path tmp) throws Exception {
        Cli.Result run = Cli.run(tmp.resolve("run"), "run", "two-moons", "--set", "training.epochs=1", "--set",
                "training.train-size=100", "--set", "trace.enabled=true", "--set", "network.delay=2",
                "--set", "network.jitter=1", "--set", "time.window=2");
        assertEquals(0, run.exit(), run.err());
        Config s = run.summary();
        Path trace = run.dir().resolve("trace.pb");
        assertTrue(Files.size(trace) > 0);

        Cli.Result read = Cli.run(null, "trace", trace.toString());
        assertEquals(0, read.exit(), read.err());
        Matcher total = Pattern.compile(": ([\\d,]+) messages").matcher(read.out());
        assertTrue(total.find(), read.out());
        assertEquals(s.getLong("messages"), Long.parseLong(total.group(1).replace(",", "")));
        for (String kind : new String[]{"state", "drive", "clamp", "target"}) {
            Matcher m = Pattern.compile("(?m)^  " + kind + "\\s+([\\d,]+)$").matcher(read.out());
            assertTrue(m.find(), kind + " in " + read.out());
            assertEquals(s.getLong("messages_by_kind." + kind), Long.parseLong(m.group(1).replace(",", "")), kind);
        }
        assertTrue(read.out().contains("drive latency") && read.out().contains("lag behind the front"), read.out());
        assertTrue(Files.size(run.dir().resolve("trace-timeline.png")) > 0);
    }

    @Test
    void aMissingTraceIsBadInput(@TempDir Path tmp) {
        Cli.Result r = Cli.run(null, "trace", tmp.resolve("nope.pb").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
