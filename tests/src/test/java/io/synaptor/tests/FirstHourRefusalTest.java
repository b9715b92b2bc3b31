package io.synaptor.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance (issue 17, "the first hour"): each refusal a new user meets first is exit 2, one
 * sentence, nothing written, and comes before any training — no epoch line is printed (the
 * scenarios print one per epoch when the output is not a terminal). The wall time of each refusal
 * is printed, not asserted (no timed unit tests).
 */
class FirstHourRefusalTest {

    /** Runs the command line, checks the refusal and that the place around it is as it was. */
    private static void refused(Path watched, String expected, String... args) throws IOException {
        List<String> before = tree(watched);
        long t0 = System.nanoTime();
        Cli.Result r = Cli.run(null, args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("refusal in %.2f s: %s%n", seconds, r.err().strip());
        assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line, not: " + err);
        assertTrue(err.startsWith("synaptor: ") && err.contains(expected), err);
        assertTrue(r.out().isEmpty(), "no epoch may run before the refusal: " + r.out());
        assertEquals(before, tree(watched), "nothing may be written");
    }

    private static List<String> tree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? ":" + p.toFile().length() : "")).sorted().toList();
        }
    }

    @Test
    void outAtAnExistingFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        refused(tmp, "--out " + file + " is a file, not a directory", "run", "two-moons", "--out", file.toString());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void outBelowAnExistingFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        refused(tmp, "is a file, not a directory", "run", "xor", "--out", file.resolve("run").toString());
    }

    @Test
    void outInAReadOnlyPlaceIsRefusedBeforeTraining(@TempDir Path tmp) throws IOException {
        Path readOnly = tmp.resolve("read-only");
        Files.createDirectory(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path target = readOnly.resolve("out");
            boolean permissionsHold;
            try { // root writes through permission bits: then use a place no one may write to
                Files.createDirectory(target);
                Files.delete(target);
                permissionsHold = false;
            } catch (IOException expectedForNonRoot) {
                permissionsHold = true;
            }
            if (permissionsHold) {
                refused(tmp, "cannot write to the output directory " + target, "run", "two-moons", "--out", target.toString());
            } else {
                Path sys = Path.of("/sys/synaptor-first-hour/out");
                assumeTrue(Files.isDirectory(Path.of("/sys")) && !Files.exists(sys.getParent()), "no read-only /sys here");
                refused(null, "cannot write to the output directory " + sys, "run", "two-moons", "--out", sys.toString());
                assertFalse(Files.exists(sys.getParent()));
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void emptyOut(@TempDir Path tmp) throws IOException {
        refused(tmp, "--out needs a directory name, got an empty one", "run", "two-moons", "--out", "");
    }

    @Test
    void resumeOfAnEmptyFile(@TempDir Path tmp) throws IOException {
        Path empty = Files.createFile(tmp.resolve("checkpoint.pb"));
        refused(tmp, "checkpoint " + empty + " is empty or not a checkpoint.pb written by synaptor",
                "run", "--resume", empty.toString(), "--out", tmp.resolve("out").toString());
        refused(tmp, "is empty or not a checkpoint.pb", "run", "two-moons", "--resume", empty.toString(),
                "--out", tmp.resolve("out").toString());
    }

    @Test
    void resumeOfAFileThatIsNoCheckpoint(@TempDir Path tmp) throws IOException {
        Path text = Files.writeString(tmp.resolve("checkpoint.pb"), "scenario = two-moons\n");
        refused(tmp, "not a checkpoint.pb written by synaptor", "run", "--resume", text.toString(),
                "--out", tmp.resolve("out").toString());
    }

    @Test
    void resumeOfAnotherScenariosCheckpointNamesTheFileNotNull(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("checkpoint.pb");
        Files.write(file, io.synaptor.proto.Checkpoint.newBuilder().setScenario("two-moons").setSeed(1).setEpochsDone(1)
                .build().toByteArray());
        refused(tmp, "--resume " + file + " is for scenario two-moons, not xor", "run", "xor", "--resume", file.toString(),
                "--out", tmp.resolve("out").toString());
    }

    @Test
    void misspeltCommandGetsTheNearest(@TempDir Path tmp) throws IOException {
        refused(tmp, "unknown command 'runn'; did you mean 'run'?", "runn");
        refused(tmp, "unknown command 'lst'; did you mean 'list'?", "lst");
    }

    @Test
    void misspeltScenarioGetsTheNearest(@TempDir Path tmp) throws IOException {
        refused(tmp, "unknown scenario 'two-moon'; did you mean 'two-moons'?", "run", "two-moon", "--out", tmp.resolve("out").toString());
        refused(tmp, "unknown scenario 'gradient-chek'; did you mean 'gradient-check'?", "run", "gradient-chek",
                "--out", tmp.resolve("out").toString());
    }

    @Test
    void misspeltBenchmarkAndSettingGetTheNearest(@TempDir Path tmp) throws IOException {
        refused(tmp, "unknown benchmark 'relx'; did you mean 'relax'?", "bench", "relx");
        refused(tmp, "unknown setting 'learning.bta' for scenario two-moons; did you mean 'learning.beta'?",
                "run", "two-moons", "--set", "learning.bta=0.1", "--out", tmp.resolve("out").toString());
    }

    @Test
    void nothingNearIsNoGuess(@TempDir Path tmp) throws IOException {
        Cli.Result r = Cli.run(null, "run", "zzzzzzzz", "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exit());
        assertFalse(r.err().contains("did you mean"), r.err());
    }
}
