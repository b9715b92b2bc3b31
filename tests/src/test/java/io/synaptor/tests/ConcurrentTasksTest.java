package io.synaptor.tests;

import com.typesafe.config.Config;
import io.synaptor.network.Coupling;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.ConcurrentTasksScenario;
import io.synaptor.scenarios.data.MnistTasks;
import io.synaptor.scenarios.data.DataSets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: concurrent-tasks on a small run — every configuration trains and is scored, the four tasks at once
 * (for twice one task's epochs) take half the virtual time of the four in turn, and the same bits come out on 1 and 4 threads.
 */
class ConcurrentTasksTest {
    private static final String[] SMALL = {"run", "concurrent-tasks", "--seed", "3", "--set", "training.train-size=60", "--set",
            "training.test-size=40", "--set", "training.epochs=1", "--set", "tasks.hidden=16", "--set", "multiplex.points=32",
            "--set", "training.batch=10"};

    /** In lockstep, and with the tasks at once staggered (issue 21, item 1: each changing examples at its own times). */
    @ParameterizedTest(name = "tasks.stagger = {0}")
    @ValueSource(booleans = {false, true})
    void theSameBitsOnOneAndFourThreadsAndHalfTheTime(boolean stagger, @TempDir Path tmp) {
        Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        String[] small = concat(SMALL, "--set", "tasks.stagger=" + stagger);
        Cli.Result one = Cli.run(tmp.resolve("one"), concat(small, "--set", "runtime.threads=1"));
        assertEquals(0, one.exit(), one.err());
        Cli.Result four = Cli.run(tmp.resolve("four"), concat(small, "--set", "runtime.threads=4"));
        assertEquals(0, four.exit(), four.err());
        assertEquals(withoutWallClocks(one.summary()), withoutWallClocks(four.summary()));
        Config s = one.summary();
        for (String task : new String[]{"classify", "complete", "denoise", "generate"}) {
            for (String run : new String[]{"alone", "concurrent", "sequential"}) assertTrue(s.hasPath("score_" + run + "_" + task), run + " " + task);
        }
        assertTrue(s.hasPath("score_concurrent2_classify") && !s.hasPath("score_concurrent2_denoise"), "K = 2 runs the first two tasks");
        double acc = s.getDouble("score_alone_classify");
        assertTrue(acc >= 0 && acc <= 1, "an accuracy: " + acc);
        // at once for twice one task's epochs (tasks.time-at-once = 2): half the virtual time of the four in turn
        assertEquals(2, s.getInt("epochs_at_once"));
        assertEquals(2 * s.getLong("virtual_time_concurrent"), s.getLong("virtual_time_sequential"));
        assertEquals(stagger, s.getBoolean("stagger"));
        assertTrue(s.hasPath("worst_gap_to_alone"));
        assertTrue(Files.exists(one.dir().resolve("outputs_generate.png")) && Files.exists(one.dir().resolve("scores.png")));
    }

    @Test
    void aTaskListThatMakesNoSenseIsOneSentence(@TempDir Path tmp) {
        Assumptions.assumeTrue(DataSets.installed("mnist"), "MNIST is not installed: ./synaptor data install mnist");
        refused(tmp.resolve("bad"), "paint", "tasks.list=[classify,paint]");
        refused(tmp.resolve("bad2"), "tasks.counts", "tasks.list=[classify,complete]");
        // a staggering the settings cannot take is refused before anything trains: 368 steps into 3 slots, T1 of 10.5 phases
        refused(tmp.resolve("bad3"), "368 steps to split into 3 equal slots", "tasks.stagger=true", "tasks.counts=[3]");
        refused(tmp.resolve("bad4"), "whole nudge phases", "tasks.stagger=true", "time.free-steps=84");
        // a hold (each task's own rate) is a staggered run's, one entry per task
        refused(tmp.resolve("bad5"), "tasks.hold needs tasks.stagger", "tasks.hold=[1,2,1,1]");
        refused(tmp.resolve("bad6"), "tasks.hold has 2 entries for 4 tasks", "tasks.stagger=true", "tasks.hold=[1,2]");
    }

    /** concurrent-tasks with these settings exits 2 with one sentence that says {@code why}. */
    private static void refused(Path dir, String why, String... settings) {
        String[] args = {"run", "concurrent-tasks"};
        for (String setting : settings) args = concat(args, "--set", setting);
        Cli.Result r = Cli.run(dir, args);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(why), r.err());
    }

    /**
     * Tasks as places: with tasks.shared = 0.2 of 12 hidden units, units 0–1 (round(2.4)) couple to every task, and the
     * other 10 are split into places of 5: a task's condition and target units couple to the shared units and to
     * their own place only; at tasks.shared = 1 every coupling of the layered net is kept.
     */
    @Test
    void eachTaskCouplesToTheSharedUnitsAndItsOwnPlaceOnly() {
        List<MnistTasks.Task> tasks = List.of(MnistTasks.Task.CLASSIFY, MnistTasks.Task.GENERATE);
        int[] inFrom = {0, 100, 110};
        int[] outFrom = {0, 10, 110};
        int hidden = 12;
        NetworkSpec full = LayeredNetworks.build(new int[]{110, hidden, 110}, 1, Activation.named("sigmoid"), 0.5, 0.0, new SplittableRandom(1));
        assertEquals(full.couplings().size(), ConcurrentTasksScenario.places(full, tasks, inFrom, outFrom, 1.0).couplings().size());
        NetworkSpec placed = ConcurrentTasksScenario.places(full, tasks, inFrom, outFrom, 0.2);
        int firstHidden = 110;
        int firstOutput = 110 + hidden;
        Set<Long> kept = new HashSet<>();
        for (Coupling c : placed.couplings()) kept.add(Math.min(c.i(), c.j()) * 1000L + Math.max(c.i(), c.j()));
        for (int k = 0; k < tasks.size(); k++) {
            List<Integer> visible = new ArrayList<>();
            for (int u = inFrom[k]; u < inFrom[k + 1]; u++) visible.add(u);
            for (int u = outFrom[k]; u < outFrom[k + 1]; u++) visible.add(firstOutput + u);
            for (int v : visible) {
                for (int h = 0; h < hidden; h++) {
                    boolean expected = h < 2 || (h - 2) / 5 == k;
                    long key = Math.min(v, firstHidden + h) * 1000L + Math.max(v, firstHidden + h);
                    assertEquals(expected, kept.contains(key), "task " + k + ", visible unit " + v + ", hidden unit " + h);
                }
            }
        }
        assertEquals((110 + 110) * (2 + 5), placed.couplings().size());
    }

    private static Map<String, Object> withoutWallClocks(Config summary) {
        Map<String, Object> m = Cli.threadIndependent(summary);
        m.keySet().removeIf(k -> k.startsWith("wall_seconds"));
        return m;
    }

    /**
     * The staggered rows: three tasks of which the first and the third are active (K = 2 slots an example), two
     * epochs of two batches of one example. Task k's part of slot σ is its batch ⌊(σ − place)/2⌋ — the same example
     * in two consecutive slots, the second task a slot later, zeros before it begins — each epoch a permutation of
     * the task's own examples; the inactive task's part stays zero.
     */
    @Test
    void staggeredRowsHoldEachTasksExampleForItsSlots() {
        List<MnistTasks.Task> tasks = List.of(MnistTasks.Task.CLASSIFY, MnistTasks.Task.COMPLETE, MnistTasks.Task.GENERATE);
        int[] inFrom = {0, 1, 2, 3};
        int[] outFrom = {0, 1, 2, 3};
        double[][] x = {{10, 20, 30}, {11, 21, 31}};
        double[][] y = {{-10, -20, -30}, {-11, -21, -31}};
        io.synaptor.network.LabeledData rows = ConcurrentTasksScenario.staggered(new io.synaptor.network.LabeledData(x, y), tasks,
                new boolean[]{true, false, true}, new int[]{1, 1, 1}, inFrom, outFrom, 2, 2, 1, 5);
        assertEquals(2 * 2 * 2, rows.size()); // epochs × batches × slots
        for (int slot = 0; slot < rows.size(); slot++) {
            assertEquals(0.0, rows.x()[slot][1], "the inactive task");
            double first = rows.x()[slot][0];
            assertEquals(first, rows.x()[slot - slot % 2][0], "task 0 holds its example for two slots");
            assertEquals(-first, rows.y()[slot][0], "with its target");
            if (slot == 0) assertEquals(0.0, rows.x()[0][2], "task 2 has not begun");
            else assertEquals(rows.x()[slot][2], rows.x()[slot - (slot - 1) % 2][2], "task 2 holds its example from the odd slots");
        }
        for (int epoch = 0; epoch < 2; epoch++) { // each epoch shows task 0 both its examples
            Set<Double> seen = new HashSet<>(List.of(rows.x()[4 * epoch][0], rows.x()[4 * epoch + 2][0]));
            assertEquals(Set.of(10.0, 11.0), seen);
        }
    }

    /**
     * Tasks at their own rates (tasks.hold): with K = 2 slots a period, task 0 held for 1 period changes its example
     * every 2 slots, task 1 held for 3 every 6 slots (from its first, slot 1) — each still an epoch's examples in its own order.
     */
    @Test
    void aHeldTaskChangesItsExampleAtItsOwnRate() {
        List<MnistTasks.Task> tasks = List.of(MnistTasks.Task.CLASSIFY, MnistTasks.Task.GENERATE);
        int n = 6;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i] = new double[]{10 + i, 20 + i};
            y[i] = new double[]{-10 - i, -20 - i};
        }
        io.synaptor.network.LabeledData rows = ConcurrentTasksScenario.staggered(new io.synaptor.network.LabeledData(x, y), tasks,
                new boolean[]{true, true}, new int[]{1, 3}, new int[]{0, 1, 2}, new int[]{0, 1, 2}, 2, 1, 1, 7);
        assertEquals(n * 2, rows.size()); // one epoch of six batches, two slots each
        int changes0 = 0, changes1 = 0;
        Set<Double> seen1 = new HashSet<>();
        for (int slot = 1; slot < rows.size(); slot++) {
            if (rows.x()[slot][0] != rows.x()[slot - 1][0]) {
                changes0++;
                assertEquals(0, slot % 2, "task 0 changes at even slots");
            }
            if (rows.x()[slot][1] != rows.x()[slot - 1][1]) {
                changes1++;
                assertEquals(1, slot % 6, "task 1 changes six slots apart, from slot 1");
            }
            assertEquals(-rows.x()[slot][1], rows.y()[slot][1], "with its target");
            seen1.add(rows.x()[slot][1]);
        }
        assertEquals(5, changes0, "six examples, five changes");
        assertEquals(2, changes1, "zeros, then two examples of its epoch in 11 slots");
        assertEquals(2, seen1.size());
        assertTrue(seen1.stream().allMatch(v -> v >= 20 && v < 20 + n), "its own examples: " + seen1);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
