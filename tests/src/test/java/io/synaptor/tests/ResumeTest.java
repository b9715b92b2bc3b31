package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.proto.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5: --resume from the checkpoint after epoch k ends where the uninterrupted run ends; issue 6:
 * the checkpoint carries the virtual clock, and its interval does not change the computation.
 */
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

        // The checkpoints' virtual clocks: two epochs' worth, then four, however the four were reached.
        long twoEpochs = Checkpoint.parseFrom(Files.readAllBytes(checkpoint)).getVirtualSteps();
        assertTrue(twoEpochs > 0);
        assertEquals(2 * twoEpochs, Checkpoint.parseFrom(Files.readAllBytes(whole.dir().resolve("checkpoint.pb"))).getVirtualSteps());
        assertEquals(2 * twoEpochs, Checkpoint.parseFrom(Files.readAllBytes(resumed.dir().resolve("checkpoint.pb"))).getVirtualSteps());

        // Every third epoch (and at the end): the same run, its last checkpoint after epoch 4.
        Cli.Result sparse = Cli.run(tmp.resolve("sparse"), with(with(RUN, "training.epochs=4"), "training.checkpoint-every=3"));
        assertEquals(0, sparse.exit(), sparse.err());
        assertEquals(Files.readAllLines(whole.dir().resolve("metrics.csv")), Files.readAllLines(sparse.dir().resolve("metrics.csv")));
        assertEquals(4, Checkpoint.parseFrom(Files.readAllBytes(sparse.dir().resolve("checkpoint.pb"))).getEpochsDone());

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
