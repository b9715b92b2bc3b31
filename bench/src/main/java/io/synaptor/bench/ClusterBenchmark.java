package io.synaptor.bench;

import com.typesafe.config.ConfigFactory;
import io.synaptor.actors.ClusterClient;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.scenarios.Experiment;
import io.synaptor.scenarios.LocalNodes;
import io.synaptor.scenarios.Scenario;
import io.synaptor.scenarios.Scenarios;
import io.synaptor.scenarios.Settings;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * {@code bench cluster} (issue 24, item 3): one workload in one JVM, then on 1 and on N node JVMs of this
 * machine, first each node pinned to a core of its own ({@code taskset}: N nodes on N cores against one
 * node on one core), then with the whole machine (every node on every core, the cores' threads shared
 * out); in the pinned runs the submitter (this JVM) shares core 0 with node 0. Each cluster runs a short
 * warm-up first (the JIT compiles the hot path once per JVM: several seconds of a core each), then the
 * workload, timed from submission to result. Virtual time: every
 * configuration must give the one-JVM metrics, and the benchmark says whether they did.
 */
final class ClusterBenchmark {
    private ClusterBenchmark() {
    }

    /** A scenario at fixed settings, and a shorter run of it that warms a cluster up. */
    record Workload(String title, String scenario, Map<String, Object> settings, Map<String, Object> warmUp) {
        /** The same workload with some settings changed (the warm-up too), named in its title. */
        Workload with(Map<String, String> changed) {
            if (changed.isEmpty()) return this;
            Map<String, Object> s = new TreeMap<>(settings);
            Map<String, Object> w = new TreeMap<>(warmUp);
            s.putAll(changed);
            w.putAll(changed);
            return new Workload(title + ", with " + changed, scenario, s, w);
        }
    }

    /** One configuration's figures: wall seconds, what crossed between JVMs, and the metrics that differ from one JVM's. */
    record Timed(String label, double seconds, long messages, long bytes, List<String> differ) {
    }

    /**
     * mnist-ep's network and rule at block granularity, one epoch of 8,000 digits and their 24,000 shifted
     * copies; blocks of 250 so that the hidden layer's 2 slices split evenly over 2 nodes (at 100, 5 slices
     * split 3 : 2, and the larger share bounds the speedup at 1.67).
     */
    static Workload mnist() {
        return new Workload("mnist-ep, 784-500-10 at block granularity (blocks of 250), one epoch of 8,000 images and 24,000 shifted copies",
                "mnist-ep", Map.of("training.epochs", 1, "network.block-size", 250, "training.train-size", 8000),
                Map.of("training.epochs", 1, "network.block-size", 250, "training.train-size", 2000, "training.test-size", 100));
    }

    /**
     * A unit-granularity net: a synapse actor per coupling (4,352), a unit actor per unit (132). Without the
     * boundary plot, which the submitter computes after the run (≈ 45 s of one core at this size: it was most of
     * every row before, and the same in all).
     */
    static Workload units() {
        return new Workload("two-moons, 2-64-64-2 at unit granularity (4,352 synapse actors), one epoch of 200 points and 100 tests, no boundary plot",
                "two-moons", Map.of("training.epochs", 1, "network.layers", List.of(2, 64, 64, 2), "training.train-size", 200,
                        "training.test-size", 100, "plot.boundary", false),
                Map.of("training.epochs", 1, "network.layers", List.of(2, 64, 64, 2), "training.train-size", 20,
                        "training.test-size", 10, "plot.boundary", false));
    }

    static void run(Workload w, int nodes, PrintWriter out) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (nodes > cores) {
            throw new io.synaptor.scenarios.BadInput("--nodes " + nodes + " exceeds this machine's " + cores + " cores: each pinned node needs a core of its own");
        }
        Scenario scenario = Scenarios.find(w.scenario());
        Function<Map<String, Object>, Settings> settings = m -> Settings.resolve(scenario.name(), scenario.settings(), ConfigFactory.parseMap(m));
        out.printf(Locale.ROOT, "cluster benchmark: %s; %d cores; warm-up run first on each cluster …%n", w.title(), cores);
        out.flush();
        Settings timed = settings.apply(w.settings());
        long t0 = System.nanoTime();
        Report alone = scenario.run(timed, 1, Progress.silent());
        double oneJvm = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> reference = comparable(alone);
        out.printf(Locale.ROOT, "  one JVM (%d threads)                    %7.1f s%n", timed.getInt("runtime.threads"), oneJvm);
        String all = "0-" + (cores - 1);
        List<Timed> rows = new ArrayList<>();
        // The submitter — this JVM: input source, teacher, probe — runs on core 0 beside node 0 in both pinned rows,
        // as it would on the first of N machines. Left free it would have core 1 to itself beside one pinned node,
        // and share the nodes' cores beside two: its CPU (3.5–7 s an mnist-ep epoch) counted against two nodes only.
        pinSelf("0");
        try {
            rows.add(timed("1 node pinned to 1 core", 1, 1, List.of("0"), scenario, settings, w, reference, out));
            rows.add(timed(nodes + " nodes pinned to 1 core each", nodes, 1,
                    IntStream.range(0, nodes).mapToObj(String::valueOf).toList(), scenario, settings, w, reference, out));
        } finally {
            pinSelf(all);
        }
        rows.add(timed("1 node, whole machine", 1, cores, List.of(all), scenario, settings, w, reference, out));
        rows.add(timed(nodes + " nodes, whole machine", nodes, Math.max(1, cores / nodes),
                IntStream.range(0, nodes).mapToObj(k -> all).toList(), scenario, settings, w, reference, out));
        out.printf(Locale.ROOT, "  speedup, pinned:        %d nodes on %d cores / 1 node on 1 core = %.2f%n",
                nodes, nodes, rows.get(0).seconds() / rows.get(1).seconds());
        out.printf(Locale.ROOT, "  speedup, whole machine: %d nodes / 1 node = %.2f%n", nodes, rows.get(2).seconds() / rows.get(3).seconds());
        long between = rows.get(1).messages() - rows.get(0).messages();
        long betweenBytes = rows.get(1).bytes() - rows.get(0).bytes();
        out.printf(Locale.ROOT, "  between the %d workers: %,d messages, %,d bytes (%,.0f bytes a message); "
                        + "time over an even split, per message between workers: %.1f µs%n",
                nodes, between, betweenBytes, between == 0 ? 0.0 : (double) betweenBytes / between,
                between == 0 ? 0.0 : 1e6 * (rows.get(1).seconds() - rows.get(0).seconds() / nodes) / between);
        List<String> differ = rows.stream().flatMap(r -> r.differ().stream()).distinct().toList();
        out.printf("  metrics identical to the one-JVM run in all four (message counts aside): %s%n", differ.isEmpty() ? "yes" : "NO: " + differ);
    }

    private static Timed timed(String label, int n, int threads, List<String> cpus, Scenario scenario,
                               Function<Map<String, Object>, Settings> settings, Workload w, Map<String, Object> reference, PrintWriter out) {
        try (LocalNodes local = new LocalNodes(n, threads, cpus);
             ClusterClient client = Experiment.join(local.seed(), n)) {
            SimulationRunner.useCluster(client);
            scenario.run(settings.apply(w.warmUp()), 1, Progress.silent());
            long messages0 = client.crossNodeMessages();
            long bytes0 = client.crossNodeBytes();
            long t = System.nanoTime();
            long cpu = Stopwatch.processCpuNanos();
            Report r = scenario.run(settings.apply(w.settings()), 1, Progress.silent());
            double seconds = (System.nanoTime() - t) / 1e9;
            double submitter = (Stopwatch.processCpuNanos() - cpu) / 1e9;
            Map<String, Object> got = comparable(r);
            List<String> differ = reference.keySet().stream().filter(k -> !java.util.Objects.equals(reference.get(k), got.get(k))).toList();
            Timed row = new Timed(label, seconds, client.crossNodeMessages() - messages0, client.crossNodeBytes() - bytes0, differ);
            out.printf(Locale.ROOT, "  %-38s %7.1f s   cross-node messages %,d, %,d bytes; the submitter's CPU %.1f s%n",
                    label, seconds, row.messages(), row.bytes(), submitter);
            out.flush();
            return row;
        } finally {
            SimulationRunner.useCluster(null);
        }
    }

    /** Moves every thread of this JVM, and the threads it starts later, onto {@code cpus} ({@code taskset -a -p}). */
    private static void pinSelf(String cpus) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) throw new io.synaptor.scenarios.RunFailed("taskset could not pin the benchmark to CPUs " + cpus, null);
        } catch (java.io.IOException e) {
            throw new io.synaptor.scenarios.RunFailed("the pinned runs need taskset (util-linux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.synaptor.scenarios.RunFailed("interrupted while pinning the benchmark", e);
        }
    }

    /**
     * A run's metrics as every configuration must agree on them: every figure but the message counts — on
     * a cluster, links of delay D ≥ 2 go out in windows of D steps (fewer messages, the same values), and
     * ClusterTest holds the counts themselves to the one-JVM run's at delay 1.
     */
    private static Map<String, Object> comparable(Report r) {
        Map<String, Object> m = new TreeMap<>(r.metrics());
        m.remove("messages_by_kind");
        m.remove("messages");
        return m;
    }
}
