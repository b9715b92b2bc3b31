package io.synaptor.tests;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5: --resume from the checkpoint after epoch k ends where the uninterrupted run ends. */
class ResumeTest {
    private static final String[] RUN = {"run", "two-moons", "--seed", "2", "--set", "training.checkpoint=true",
            "--set", "training.train-size=100", "--set", "training.test-size=50", "--set", "units.temperature=0.001",
            "--set", "learning.random-sign=true"};

    @Test
    void resumedRunMatchesTheUninterruptedOne(@TempDir Path tmp) throws Exception {
        Cli.Result whole = Cli.run(tmp.resolve("whole"), with(RUN, "training.epochs=4"));
        assertEquals(0, whole.exit(), whole.err());
        Cli.Result part = Cli.run(tmp.resolve("part"), with(RUN, "training.epochs=2"));
        assertEquals(0, part.exit(), part.err());
        Path checkpoint = part.dir().resolve("checkpoint.pb");
        assertTrue(Files.size(checkpoint) > 0);

        Cli.Result resumed = Cli.run(tmp.resolve("resumed"), "run", "--resume", checkpoint.toString(), "--set", "training.epochs=4");
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(comparable(whole.summary()), comparable(resumed.summary()));
        assertEquals(Files.readAllLines(whole.dir().resolve("metrics.csv")), Files.readAllLines(resumed.dir().resolve("metrics.csv")));
        double firstLoss = Double.parseDouble(Files.readAllLines(whole.dir().resolve("metrics.csv")).get(1).split(",")[3]);
        assertTrue(whole.summary().getDouble("final_loss") < 0.9 * firstLoss, "it learned: test loss "
                + firstLoss + " → " + whole.summary().getDouble("final_loss"));

        Cli.Result done = Cli.run(tmp.resolve("done"), "run", "--resume", checkpoint.toString());
        assertEquals(2, done.exit(), "nothing left to train is bad input");
        assertTrue(done.err().contains("training.epochs"), done.err());
    }

    /** Every metric and setting; messages count only the epochs a run itself simulated. */
    private static Map<String, Object> comparable(Config summary) {
        Map<String, Object> m = DeterminismTest.metrics(summary);
        m.remove("messages_by_kind");
        return m;
    }

    private static String[] with(String[] base, String set) {
        String[] out = java.util.Arrays.copyOf(base, base.length + 2);
        out[base.length] = "--set";
        out[base.length + 1] = set;
        return out;
    }
}
