package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scenarios.report.RunWriter;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.synaptor.actors.ClusterClient;
import io.synaptor.actors.ClusterSecurity;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.proto.Checkpoint;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library API for a whole run: a scenario (any {@link Scenario} on the class path, e.g.
 * {@code network} with a network read from HOCON), its settings, a seed and an engine — this JVM's
 * threads (the default), a running cluster or nodes started for the run — giving its metrics and
 * plots. It is what {@code synaptor run} does, and the command line calls it:
 *
 * <pre>{@code
 * Experiment.Outcome o = Experiment.of("network")
 *         .with(ConfigFactory.parseFile(new File("examples/networks/two-moons.conf")))
 *         .set("training.epochs", 10)
 *         .seed(2)
 *         .run(Progress.silent());
 * double accuracy = (Double) o.metrics().get("test_accuracy");
 * o.write(Path.of("runs/mine"));                // summary.json, metrics.csv, config.conf, plots
 * }</pre>
 *
 * Bad settings are a {@link BadInput} (one sentence), a failed simulation a {@link RunFailed} or
 * the actors' own exceptions. For the pieces underneath — a network in code
 * ({@code io.synaptor.network.PopulationNetworks}), a run of the actors
 * ({@code io.synaptor.actors.SimulationRunner} with a {@code SimulationSpec}) — see docs/tutorial.md.
 */
public final class Experiment {
    /** Seeds must survive a round trip through JSON readers that hold numbers as doubles. */
    public static final long MAX_SEED = (1L << 53) - 1;

    private final Scenario scenario;
    private Config user = ConfigFactory.empty();
    private long seed = 1;
    private Path outputDir;
    private Checkpoint resume;
    private String cluster;
    private int workers = 1;
    private Integer localNodes;
    private String submitterHost = "127.0.0.1";
    private ClusterSecurity security;
    private Duration patience = Duration.ofSeconds(60);

    private Experiment(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The scenario called {@code name} ({@code synaptor list}). */
    public static Experiment of(String name) {
        return new Experiment(Scenarios.find(name));
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Settings as HOCON (a network file, a config.conf); later calls and {@link #set} take precedence. */
    public Experiment with(Config settings) {
        user = settings.withoutPath("scenario").withoutPath("seed").withFallback(user);
        return this;
    }

    /** One setting, as {@code --set path=value} would. */
    public Experiment set(String path, Object value) {
        user = ConfigFactory.empty().withValue(path, ConfigValueFactory.fromAnyRef(value)).withFallback(user);
        return this;
    }

    public Experiment seed(long s) {
        if (s < 0 || s > MAX_SEED) throw new BadInput("the seed must be in [0, " + MAX_SEED + "], got " + s);
        this.seed = s;
        return this;
    }

    /** Where the run's traces and checkpoints go while it runs (none without one). */
    public Experiment outputDir(Path dir) {
        this.outputDir = dir;
        return this;
    }

    /** Go on from a checkpoint (its settings should be passed to {@link #with}). */
    public Experiment resume(Checkpoint checkpoint) {
        this.resume = checkpoint;
        return this;
    }

    /** Run on a running cluster, joined through its seed node at HOST:PORT, with {@code workers} worker nodes. */
    public Experiment onCluster(String seedNode, int workers) {
        ClusterNodes.checkAddress(seedNode);
        if (workers < 1) throw new BadInput("a cluster run needs at least 1 worker node, got " + workers);
        this.cluster = seedNode;
        this.workers = workers;
        return this;
    }

    /**
     * With {@link #onCluster}: this submitter binds {@code host} (the workers reach it there), presents the
     * TLS credentials (null: plain TCP) and waits at most {@code patience} for the workers.
     */
    public Experiment from(String host, ClusterSecurity security, Duration patience) {
        this.submitterHost = host;
        this.security = security;
        this.patience = patience;
        return this;
    }

    /** Start {@code n} node JVMs on this machine, run on them and stop them afterwards. */
    public Experiment onLocalNodes(int n) {
        this.localNodes = n;
        return this;
    }

    /** The settings as they resolve: declared defaults, then the scenario's presets for the user's choices, then the user's values (validated). */
    public Settings settings() {
        return Settings.resolve(scenario.name(), scenario.settings(), user.withFallback(scenario.presets(user))).withOutputDir(outputDir).withResume(resume);
    }

    /** What a run gave: its resolved settings, report (metrics, rows, plots) and summary. */
    public record Outcome(String scenario, long seed, Settings settings, Report report, Map<String, Object> summary,
                          double wallSeconds) {
        /** The scenario's metrics (the metrics of summary.json). */
        public Map<String, Object> metrics() {
            return report.metrics();
        }

        /** config.conf: what repeats this run with {@code --config}. */
        public String config() {
            return "scenario = \"" + scenario + "\"\nseed = " + seed + "\n" + settings.render();
        }

        /** Writes summary.json (last, atomically), metrics.csv, config.conf, the plots and data files into {@code dir}. */
        public void write(Path dir) {
            try {
                RunWriter.write(dir, summary, report, config());
            } catch (UncheckedIOException e) {
                throw new RunFailed(e.getMessage(), e);
            }
        }
    }

    /** Runs the scenario, reporting progress to {@code progress}. */
    public Outcome run(Progress progress) {
        Settings settings = settings();
        boolean distributed = cluster != null || localNodes != null;
        if (cluster != null && localNodes != null) throw new BadInput("--cluster and --local-nodes both say where to run; give one");
        if (distributed && !scenario.runsOnCluster()) {
            throw new BadInput(scenario.name() + " runs on one JVM only; drop --cluster/--local-nodes");
        }
        if (distributed && settings.flat().containsKey("units.persistent") && settings.getBoolean("units.persistent")) {
            throw new BadInput("units.persistent runs on one JVM only; drop it or --cluster/--local-nodes");
        }
        if (distributed && settings.flat().containsKey("trace.enabled") && settings.getBoolean("trace.enabled")) {
            throw new BadInput("trace.enabled records one JVM's messages; drop it or --cluster/--local-nodes");
        }
        if (distributed && Common.monitoring(settings)) {
            throw new BadInput("monitor.* records on one JVM only; drop it or --cluster/--local-nodes");
        }
        long t0 = System.nanoTime();
        Report report;
        int nodesUsed = 1;
        int restarts = 0;
        long crossNode = 0;
        long crossNodeBytes = 0;
        if (!distributed) {
            report = scenario.run(settings, seed, progress);
        } else {
            try (LocalNodes local = localNodes == null ? null : new LocalNodes(localNodes, 2);
                 ClusterClient client = local != null ? join(local.seed(), localNodes)
                         : join(cluster, workers, submitterHost, security, patience)) {
                SimulationRunner.useCluster(client);
                report = scenario.run(settings, seed, progress);
                nodesUsed = client.nodesUsed();
                restarts = client.restarts();
                crossNode = client.crossNodeMessages();
                crossNodeBytes = client.crossNodeBytes();
            } finally {
                SimulationRunner.useCluster(null);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", scenario.name());
        summary.put("seed", seed);
        summary.putAll(settings.flat());
        if (settings.flat().containsKey("time.mode")) {
            summary.put("reproducible", settings.getString("time.mode").equals("virtual")); // free mode is wall-clock timed
        }
        summary.putAll(report.metrics());
        summary.put("nodes", nodesUsed);
        summary.put("cross_node_messages", crossNode);
        summary.put("cross_node_bytes", crossNodeBytes);
        summary.put("restarts", restarts);
        summary.put("wall_seconds", wall);
        if (!settings.monitors().isEmpty()) report.file("monitor.npz", settings.monitors()::writeNpz);
        return new Outcome(scenario.name(), seed, settings, report, summary, wall);
    }

    /** Joins a running cluster through its seed node, waiting for {@code workers} worker nodes; a failure is a {@link BadInput}. */
    public static ClusterClient join(String seedNode, int workers) {
        return join(seedNode, workers, "127.0.0.1", null, Duration.ofSeconds(60));
    }

    /** The same from {@code host}, with TLS credentials (null: plain TCP), waiting at most {@code patience}. */
    public static ClusterClient join(String seedNode, int workers, String host, ClusterSecurity security, Duration patience) {
        try {
            return ClusterClient.join(seedNode, workers, ClusterNodes.version(), patience, host, security);
        } catch (IllegalStateException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
