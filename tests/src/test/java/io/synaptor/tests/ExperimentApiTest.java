package io.synaptor.tests;

import com.typesafe.config.ConfigFactory;
import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.Experiment;
import io.synaptor.scenarios.report.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library API ({@link Experiment}) is the command line without the command line: the same
 * scenario, settings and seed give the same metrics.csv and the same metrics from Java as from
 * {@code synaptor run}, a network read from HOCON included; bad settings are a {@link BadInput}.
 */
class ExperimentApiTest {
    private static final Path EXAMPLES = ReadmeTableTest.readme().getParent().resolve("examples/networks");

    @Test
    void javaRunEqualsTheCommandLine(@TempDir Path tmp) throws IOException {
        Cli.Result cli = Cli.run(tmp.resolve("cli"), "run", "xor", "--seed", "4", "--set", "training.epochs=3");
        assertEquals(0, cli.exit(), cli.err());
        Experiment.Outcome api = Experiment.of("xor").set("training.epochs", 3).seed(4).run(Progress.silent());
        api.write(tmp.resolve("api"));
        assertEquals(-1, Files.mismatch(cli.dir().resolve("metrics.csv"), tmp.resolve("api/metrics.csv")), "metrics.csv differs");
        assertEquals(cli.summary().getDouble("test_accuracy"), ((Number) api.metrics().get("test_accuracy")).doubleValue());
        assertEquals(cli.summary().getDouble("train_loss"), ((Number) api.metrics().get("train_loss")).doubleValue());
    }

    @Test
    void networkFileFromJava(@TempDir Path tmp) {
        String[] small = {"--set", "training.epochs=2", "--set", "training.train-size=40", "--set", "training.test-size=40"};
        Cli.Result cli = Cli.run(tmp.resolve("cli"), "run", "two-moons", "--seed", "1", small[0], small[1], small[2], small[3], small[4], small[5]);
        assertEquals(0, cli.exit(), cli.err());
        Experiment.Outcome api = Experiment.of("network")
                .with(ConfigFactory.parseFile(EXAMPLES.resolve("two-moons.conf").toFile()))
                .set("training.epochs", 2).set("training.train-size", 40).set("training.test-size", 40)
                .run(Progress.silent());
        assertEquals(1L, api.seed(), "a file's seed is the command line's business; the API's default is 1");
        assertEquals(cli.summary().getDouble("test_accuracy"), ((Number) api.metrics().get("test_accuracy")).doubleValue());
        assertEquals(cli.summary().getDouble("train_loss"), ((Number) api.metrics().get("train_loss")).doubleValue());
        assertTrue(api.config().startsWith("scenario = \"network\"\nseed = 1\n"), api.config());
    }

    @Test
    void badSettingsAreOneSentence() {
        BadInput e = assertThrows(BadInput.class, () -> Experiment.of("xor").set("learning.rate", -1).settings());
        assertTrue(e.getMessage().contains("learning.rate"), e.getMessage());
        BadInput unknown = assertThrows(BadInput.class, () -> Experiment.of("xor").set("learning.rule", "nope").settings());
        assertTrue(unknown.getMessage().contains("learning.rule"), unknown.getMessage());
        assertThrows(BadInput.class, () -> Experiment.of("no-such-scenario"));
    }
}
