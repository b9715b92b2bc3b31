package io.synaptor.bench;

import com.google.auto.service.AutoService;
import io.synaptor.scenarios.cli.Subcommand;
import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.RunFailed;
import io.synaptor.scenarios.Scenario;
import io.synaptor.scenarios.Scenarios;
import io.synaptor.scenarios.Settings;
import io.synaptor.scenarios.Suggest;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import com.typesafe.config.ConfigFactory;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationStalled;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


@Command(name = "bench", description = "Run a benchmark; results are ratios measured side by side in one run.")
@AutoService(Subcommand.class)
public final class BenchCommand implements Subcommand {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "messaging: unit-granularity messages/s beside raw Pekko of the same shape (a relay actor per synapse) and a units-only fan-out; "
            + "send-on-delta: state messages with and without a send threshold on the gradient-check net; "
            + "relax: block-granularity relaxation beside a single-threaded dense EJML one; "
            + "epoch: seconds per Fashion-MNIST epoch of fashion-ep at block granularity; "
            + "langevin: synaptic updates/s of a double-well Langevin network (N = 1,000 at 10%%, 10,000 at 1%%), the one-thread reference beside the common actors (block granularity, --delay, --jitter, --update-rate, --trace); "
            + "cluster: wall time of two-moons on N local node JVMs over one node JVM, and the share of messages that crossed nodes; "
            + "scale: unit granularity at 5,000 and --synapses synapse actors (default 1,000,000), 20 steps: bytes per actor and messages/s; "
            + "step: JMH micro-benchmark of a slice's free step (--units × --batch) as the slice takes it, per example, and written out in place")
    String name;

    @Option(names = "--threshold", description = "send-on-delta: the send threshold (default 1e-4)")
    double threshold = 1e-4;

    @Option(names = "--layers", split = ",", description = "relax: units per layer (default 784,500,10)")
    int[] layers = {784, 500, 10};

    @Option(names = "--batch", paramLabel = "B", description = "relax, step: minibatch (default 100); epoch: the scenario's own unless given")
    Integer batchGiven;
    int batch;

    @Option(names = "--block-size", description = "relax: units per slice (default 100)")
    int blockSize = 100;

    @Option(names = "--units", paramLabel = "N", description = "messaging: units in the network (default 1000); step: units in the slice (default 100)")
    Integer unitsGiven;
    int units;

    @Option(names = "--degree", description = "synapses per unit (default 10)")
    int degree = 10;

    @Option(names = "--steps", paramLabel = "N", description = "relaxation steps (default 300; relax and langevin 1000)")
    Integer stepsGiven;
    int steps;

    @Option(names = "--slices", description = "langevin: at most this many population slices, one actor each (default 4; fewer on a small network: LangevinBenchmark.slicesFor)")
    int slices = 4;

    @Option(names = "--delay", description = "langevin: link delay in steps (network.delay; default 1)")
    int delay = 1;

    @Option(names = "--jitter", description = "langevin: link jitter in steps (network.jitter; default 0)")
    int jitter;

    @Option(names = "--update-rate", description = "langevin: below 1, each unit steps at a given step with this probability (units.update=poisson; default 1: every step)")
    double updateRate = 1.0;

    @Option(names = "--trace", paramLabel = "FILE", description = "langevin: write the actors' message trace there (trace.enabled)")
    java.nio.file.Path trace;

    @Option(names = "--pairs", description = "epoch: simulator/peer pairs to alternate (default 1)")
    int pairs = 1;

    @Option(names = "--threads", description = "dispatcher threads (default 2)")
    int threads = 2;

    @Option(names = "--nodes", description = "cluster: node JVMs of the larger cluster, each pinned to a core of its own (default 2)")
    int nodes = 2;

    @Option(names = "--workload", split = ",", description = "cluster: mnist-ep, units or both (default both)")
    List<String> workloads = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "cluster: a setting of the workload's scenario, e.g. network.delay=4 (repeatable)")
    java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
        // relax: a long relaxation measures the steady state a training epoch runs in (one simulation for
        // thousands of steps), not an actor system's start-up.
        steps = stepsGiven != null ? stepsGiven : name.equals("langevin") || name.equals("relax") ? 1000 : name.equals("scale") ? 20 : 300;
        batch = batchGiven != null ? batchGiven : 100;
        units = unitsGiven != null ? unitsGiven : 1000;
        if (name.equals("epoch")) return epoch();
        if (name.equals("send-on-delta")) return sendOnDelta();
        if (name.equals("langevin")) return langevin();
        if (name.equals("relax")) return relax();
        if (name.equals("cluster")) return cluster();
        if (name.equals("step")) return step();
        if (name.equals("scale")) return scale();
        if (!name.equals("messaging")) throw new BadInput("unknown benchmark '" + name + "'"
                + Suggest.didYouMean(name, List.of("messaging", "send-on-delta", "relax", "epoch", "langevin", "cluster", "step", "scale")) + " (known: messaging, send-on-delta, relax, epoch, langevin, cluster, step, scale)");
        if (units < 20 || degree < 1 || steps < 1 || threads < 1) throw new BadInput("--units ≥ 20, --degree, --steps and --threads ≥ 1");
        var out = spec.commandLine().getOut();
        MessagingBenchmark.Report report;
        try {
            report = MessagingBenchmark.run(units, degree, steps, threads, System.out);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        out.println(report.render());
        return 0;
    }

    private int relax() {
        if (layers.length < 2 || java.util.Arrays.stream(layers).anyMatch(n -> n < 1) || batch < 1 || blockSize < 1 || steps < 1 || threads < 1) {
            throw new BadInput("relax needs --layers of at least two positive sizes, and positive --batch, --block-size, --steps, --threads");
        }
        try {
            spec.commandLine().getOut().println(RelaxBenchmark.run(layers, batch, steps, blockSize, threads, System.out).render());
        } catch (SimulationDiverged | SimulationStalled e) {
            throw new RunFailed("the relaxation failed: " + e.getMessage(), e);
        }
        return 0;
    }

    /** The slice's hot loop under JMH; --units defaults to a block of 100 here, as in bench relax. */
    private int step() {
        int sliceUnits = unitsGiven != null ? unitsGiven : 100;
        if (sliceUnits < 1 || batch < 1) throw new BadInput("step needs positive --units and --batch");
        try {
            var micros = HotPath.run(sliceUnits, batch);
            spec.commandLine().getOut().println(HotPath.render(sliceUnits, batch, micros));
        } catch (org.openjdk.jmh.runner.RunnerException e) {
            throw new RunFailed("the JMH run failed: " + e.getMessage(), e);
        }
        return 0;
    }

    /**
     * One whole epoch of fashion-ep (60,000 training and 10,000 test images) at its settings, timed from start to
     * metrics; with PyTorch installed, alternating with the project's PyTorch script of the same dynamics
     * (bench/peers/ep_torch.py, float64 on one thread, from the same initial network, example order and signs of β:
     * the same losses to about 1e-15, PeerTorchTest), --pairs times, and the ratio peer / simulator.
     */
    private int epoch() {
        if (batchGiven != null && batchGiven < 1) throw new BadInput("--batch must be ≥ 1");
        if (pairs < 1) throw new BadInput("--pairs must be ≥ 1");
        java.util.Map<String, Object> extra = new java.util.HashMap<>();
        extra.put("training.epochs", 1);
        extra.put("runtime.threads", threads);
        if (batchGiven != null) extra.put("training.batch", batchGiven);
        Settings settings = PeerExport.settings(extra);
        Scenario fashion = Scenarios.find(PeerExport.SCENARIO);
        var out = spec.commandLine().getOut();
        out.printf(java.util.Locale.ROOT, "epoch benchmark: one epoch of fashion-ep (%s, block size %d, batch %d, %s, %d threads; products: %s) …%n",
                java.util.Arrays.toString(settings.getIntList("network.layers")), settings.getInt("network.block-size"), settings.getInt("training.batch"),
                settings.getString("learning.rule"), threads, io.synaptor.synapses.MatrixProducts.describe());
        Peer peer = Peer.find("ep_torch.py", "torch", "python3-torch");
        java.nio.file.Path init = null;
        if (peer.missing() == null) {
            try {
                init = java.nio.file.Files.createTempFile("synaptor-peer-", ".npz");
                PeerExport.write(init, settings, 1);
            } catch (java.io.IOException e) {
                throw new BadInput("could not write the peer's initial network: " + e.getMessage());
            }
        }
        out.flush();
        SideBySide pair = new SideBySide(pairs);
        double accuracy = Double.NaN;
        double peerAccuracy = Double.NaN;
        int examples = settings.getInt("training.train-size") + settings.getInt("training.test-size");
        try {
            for (int p = 0; p < pairs; p++) {
                long t0 = System.nanoTime();
                Report report = fashion.run(settings, 1, Progress.silent());
                double seconds = (System.nanoTime() - t0) / 1e9;
                accuracy = ((Number) report.metrics().get("test_accuracy")).doubleValue();
                out.printf(java.util.Locale.ROOT, "  simulator: one epoch (%,d training + %,d test images)  %.1f s  = %,.0f images/s; test accuracy after it %.4f%n",
                        settings.getInt("training.train-size"), settings.getInt("training.test-size"), seconds, examples / seconds, accuracy);
                out.flush();
                if (init == null) continue;
                java.util.Map<String, Double> r = peer.run(java.util.List.of("--init", init.toString(), "--threads", "1"));
                double peerSeconds = r.get("seconds") + r.get("load_seconds"); // the simulator's time includes reading the data too
                peerAccuracy = r.get("test_accuracy");
                out.printf(java.util.Locale.ROOT, "  PyTorch peer (float64, 1 thread): %.1f s; test accuracy %.4f%n", peerSeconds, peerAccuracy);
                out.flush();
                pair.add(peerSeconds, seconds);
            }
        } finally {
            if (init != null) init.toFile().delete();
        }
        if (init == null) {
            out.printf("  no PyTorch peer: %s%n", peer.missing());
            return 0;
        }
        out.printf(java.util.Locale.ROOT, "  ratio (peer / simulator) = %.2f  (median of %d pair(s), each the simulator then the peer; lowest … highest pair %s)%n"
                        + "  test accuracy: simulator %.4f, peer %.4f (the same dynamics; they differ only by rounding)%n",
                pair.ratio(), pairs, pair.spread(1.0), accuracy, peerAccuracy);
        return 0;
    }

    /** mnist-ep (when MNIST is installed) and a unit-granularity net on 1 and N pinned node JVMs, then on the whole machine. */
    private int cluster() {
        if (nodes < 2 || nodes > 16) throw new BadInput("cluster needs --nodes in 2 … 16");
        var out = spec.commandLine().getOut();
        List<String> which = workloads.isEmpty() ? List.of("mnist-ep", "units") : workloads;
        for (String w : which) {
            switch (w) {
                case "mnist-ep" -> {
                    if (io.synaptor.scenarios.data.DataSets.installed("mnist")) ClusterBenchmark.run(ClusterBenchmark.mnist().with(overrides), nodes, out);
                    else out.println("cluster benchmark: mnist-ep skipped, MNIST is not installed (./synaptor data install mnist)");
                }
                case "units" -> ClusterBenchmark.run(ClusterBenchmark.units().with(overrides), nodes, out);
                default -> throw new BadInput("unknown cluster workload '" + w + "' (known: mnist-ep, units)");
            }
        }
        return 0;
    }

    @Option(names = "--synapses", description = "scale: synapse actors of the large network (default 1,000,000; the small one has 5,000)")
    int synapses = 1_000_000;

    /** Unit granularity at scale: bytes per actor and messages/s of a large network beside a small one. */
    private int scale() {
        if (synapses < 5_000 || steps < 1 || threads < 1) throw new BadInput("scale needs --synapses ≥ 5000, and positive --steps and --threads");
        int deg = degree;
        ScaleBenchmark.Row small = ScaleBenchmark.run(5_000, deg, steps, threads, System.out);
        ScaleBenchmark.Row large = ScaleBenchmark.run(synapses, deg, steps, threads, System.out);
        spec.commandLine().getOut().println(ScaleBenchmark.render(small, large, threads));
        return 0;
    }

    private int langevin() {
        if (steps < 1 || threads < 1 || threads > 64 || slices < 1) throw new BadInput("langevin needs positive --steps and --slices, and --threads in 1..64");
        if (delay < 1 || jitter < 0 || !(updateRate > 0 && updateRate <= 1)) {
            throw new BadInput("langevin needs --delay ≥ 1, --jitter ≥ 0 and --update-rate in (0, 1]");
        }
        LangevinBenchmark.Options options = new LangevinBenchmark.Options(delay, jitter, updateRate, trace);
        spec.commandLine().getOut().println(LangevinBenchmark.run(new int[]{1_000, 10_000}, new double[]{0.10, 0.01},
                steps, slices, threads, options, System.out, Peer.find("langevin_brian2.py", "brian2", "python3-brian python3-dev g++")).render());
        return 0;
    }

    private int sendOnDelta() {
        if (!(threshold > 0 && threshold <= 1)) throw new BadInput("--threshold must lie in (0, 1], got " + threshold);
        Scenario check = Scenarios.find("gradient-check");
        SendOnDeltaBenchmark.Report report = SendOnDeltaBenchmark.run(threshold, extra -> {
            Settings settings = Settings.resolve(check.name(), check.settings(), ConfigFactory.parseMap(extra));
            return check.run(settings, 1, Progress.silent()).metrics();
        }, System.out);
        spec.commandLine().getOut().println(report.render());
        return 0;
    }
}
