package io.synaptor.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17, item 2: virtual time must not depend on luck. Six short runs — noisy-nudge (three nets
 * trained one after another, each in its own actor system: the shape of the reported hang) plain,
 * with jittered and lossy delays, with message windows and at block granularity; xor with the data
 * only one episode ahead; two-moons — each first on an unloaded JVM (the reference), then twice
 * beside busy threads that keep every core taken, on 1 to 8 dispatcher threads and throughput 1 to
 * 100. Every loaded run must finish (the simulator's own stall watch, cut to 20 s here, turns a hang
 * into exit 3 within seconds) with the reference's bits: summary and every epoch's figures. No
 * wall-clock assertion: slow is fine, stuck or different is not.
 */
class StressTest {

    /** Each case: a name and its command line, short settings included (the runtime ones are added per run). */
    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        // noisy-nudge trains three nets one after another, each in its own actor system: the shape of the
        // original report (it hung between its first and second sub-run); it takes the network settings too.
        String nn = "run noisy-nudge --set training.epochs=1 --set training.train-size=40 --set training.test-size=20";
        CASES.put("noisy-nudge, three sub-runs", nn + " --seed 1");
        CASES.put("jittered, lossy delays", nn + " --seed 2 --set network.delay=3 --set network.jitter=2 --set network.drop=0.2");
        CASES.put("message windows", nn + " --seed 3 --set network.delay=4 --set time.window=4 --set units.send-threshold=1e-3");
        CASES.put("block granularity", nn + " --seed 4 --set network.granularity=block --set network.block-size=8 --set network.delay=2");
        CASES.put("data one episode ahead", "run xor --seed 5 --set training.epochs=10 --set runtime.window=1");
        CASES.put("two-moons", "run two-moons --seed 6 --set training.epochs=1 --set training.train-size=40 --set training.test-size=20");
    }

    /** Dispatcher threads and throughput of the loaded rounds, cycled over the cases. */
    private static final int[][] RUNTIMES = {{1, 1}, {2, 100}, {3, 5}, {8, 1}, {4, 100}, {2, 1}, {1, 100}, {6, 5}};

    private static final int ROUNDS = 2;

    @Test
    void everyRunUnderACpuHogFinishesWithTheUnloadedBits(@TempDir Path tmp) {
        long t0 = System.nanoTime();
        Map<String, Map<String, Object>> reference = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            reference.put(c.getKey(), run(tmp.resolve("ref-" + k++), c.getValue(), 2, 100, "reference"));
        }
        long t1 = System.nanoTime();
        List<Thread> hogs = startHogs(2 * Runtime.getRuntime().availableProcessors() + 2);
        try {
            int r = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, String> c : CASES.entrySet()) {
                    int[] rt = RUNTIMES[r++ % RUNTIMES.length];
                    String what = c.getKey() + " under load, threads=" + rt[0] + " throughput=" + rt[1];
                    Map<String, Object> m = run(tmp.resolve("load-" + r), c.getValue(), rt[0], rt[1], what);
                    assertEquals(reference.get(c.getKey()), m, what + ": not the unloaded run's bits");
                }
            }
            System.out.printf("[StressTest] %d reference runs in %.1f s, %d loaded runs in %.1f s%n", CASES.size(),
                    (t1 - t0) / 1e9, ROUNDS * CASES.size(), (System.nanoTime() - t1) / 1e9);
        } finally {
            for (Thread h : hogs) h.interrupt();
            for (Thread h : hogs) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Map<String, Object> run(Path out, String args, int threads, int throughput, String what) {
        List<String> all = new ArrayList<>(Arrays.asList(args.split(" ")));
        // A stall fails within seconds, not after the default 300 s (no episode takes 20 s even under this load).
        all.addAll(List.of("--set", "runtime.threads=" + threads, "--set", "runtime.throughput=" + throughput,
                "--set", "runtime.stall-timeout=20"));
        Cli.Result r = Cli.run(out, all.toArray(String[]::new));
        assertEquals(0, r.exit(), what + " failed:\n" + r.err());
        Map<String, Object> m = DeterminismTest.metrics(r.summary());
        m.keySet().removeIf(key -> key.startsWith("runtime."));
        try { // every epoch's figures, not only the final ones
            m.put("metrics.csv", Files.readString(r.dir().resolve("metrics.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** Busy threads that keep every core taken until interrupted. */
    private static List<Thread> startHogs(int n) {
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!Thread.currentThread().isInterrupted()) x += x * 31 + 7;
                if (x == 42) System.out.print(""); // keeps the loop from being optimised away
            }, "cpu-hog-" + i);
            t.setDaemon(true);
            t.start();
            hogs.add(t);
        }
        return hogs;
    }
}
