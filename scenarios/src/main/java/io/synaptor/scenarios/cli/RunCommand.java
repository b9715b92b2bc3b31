package io.synaptor.scenarios.cli;

import io.synaptor.actors.ClusterSecurity;
import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.Experiment;
import io.synaptor.scenarios.Scenario;
import io.synaptor.scenarios.Scenarios;
import io.synaptor.scenarios.Setting;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.synaptor.proto.Checkpoint;
import com.typesafe.config.ConfigValueFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Run a scenario (default: two-moons) and write its results.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "scenario name (see: synaptor list)")
    String scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a setting (HOCON path), repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "random seed, 0 … 2^53−1 (default 1)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: a new one under runs/)")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "a config.conf written by an earlier run, or a network file (see: synaptor run network --help)")
    Path config;

    @Option(names = "--resume", paramLabel = "FILE", description = "go on from a checkpoint.pb (its scenario, seed and settings; --set training.epochs=N to train further)")
    Path resume;

    @Option(names = "--cluster", paramLabel = "HOST:PORT", description = "run on a running cluster (see: synaptor node), joined through this seed node")
    String cluster;

    @Option(names = "--nodes", paramLabel = "N", description = "with --cluster: wait for N worker nodes (default 1)")
    int nodes = 1;

    @Option(names = "--local-nodes", paramLabel = "N", description = "start N node JVMs on 127.0.0.1, run on them, stop them afterwards")
    Integer localNodes;

    @Option(names = "--cluster-host", paramLabel = "HOST", description = "with --cluster: the address this submitter binds and the workers reach it at (default 127.0.0.1)")
    String clusterHost = "127.0.0.1";

    @Option(names = "--join-timeout", paramLabel = "SECONDS", description = "with --cluster: give up if the workers are not up within this time (default 60)")
    int joinTimeout = 60;

    @CommandLine.Mixin
    ClusterCredentials credentials = new ClusterCredentials();

    @Option(names = {"-h", "--help"}, description = "show this help and the scenario's settings")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (resume != null && config != null) throw new BadInput("--resume and --config both name the settings; give one");
        Checkpoint checkpoint = resume == null ? null : readCheckpoint(resume);
        Config file = config != null ? readConfig(config) : checkpoint == null ? ConfigFactory.empty()
                : ConfigFactory.parseString(checkpoint.getSettings())
                        .withValue("scenario", ConfigValueFactory.fromAnyRef(checkpoint.getScenario()))
                        .withValue("seed", ConfigValueFactory.fromAnyRef(checkpoint.getSeed()));
        String name = scenario != null ? scenario
                : file.hasPath("scenario") ? file.getString("scenario") : Scenarios.defaultScenario().name();
        if (scenario != null && file.hasPath("scenario") && !file.getString("scenario").equals(scenario)) {
            throw new BadInput((config != null ? "--config " + config : "--resume " + resume) + " is for scenario "
                    + file.getString("scenario") + ", not " + scenario);
        }
        Scenario sc = Scenarios.find(name);
        if (help) {
            spec.commandLine().usage(pw);
            printSettings(pw, sc);
            return 0;
        }
        long seedValue = seed != null ? seed : file.hasPath("seed") ? readSeed(file) : 1L;
        if (seedValue < 0 || seedValue > Experiment.MAX_SEED) throw new BadInput("--seed must be in [0, " + Experiment.MAX_SEED + "], got " + seedValue);

        if (joinTimeout < 1) throw new BadInput("--join-timeout must be at least 1 second, got " + joinTimeout);
        if (cluster == null && credentials.given()) {
            throw new BadInput("--key-store, --trust-store, --store-password-file and --insecure are for --cluster runs");
        }
        ClusterSecurity security = cluster == null ? null : credentials.security(clusterHost);
        Config user = file.withoutPath("scenario").withoutPath("seed");
        for (String kv : sets) user = parseSet(kv).withFallback(user);
        if (out != null && out.toString().isBlank()) throw new BadInput("--out needs a directory name, got an empty one");
        Path dir = out != null ? out : defaultOut(name);
        Experiment experiment = Experiment.of(name).with(user).seed(seedValue).outputDir(dir).resume(checkpoint);
        experiment.settings(); // bad settings are refused before anything touches the disk
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new BadInput("--out " + dir + " is a file, not a directory");
        if (Files.exists(dir) && !isEmptyDir(dir)) throw new BadInput("output directory " + dir + " already exists and is not empty");
        checkWritable(dir);
        if (nodes < 1) throw new BadInput("--nodes must be at least 1, got " + nodes);
        if (cluster != null) experiment.onCluster(cluster, nodes).from(clusterHost, security, Duration.ofSeconds(joinTimeout));
        if (localNodes != null) experiment.onLocalNodes(localNodes);

        Experiment.Outcome outcome = experiment.run(Progress.to(pw));
        Report report = outcome.report();
        outcome.write(dir);
        double wall = outcome.wallSeconds();
        for (String line : report.lines()) pw.println(line);
        for (String w : report.warnings()) spec.commandLine().getErr().println("synaptor: warning: " + w);
        List<String> written = new ArrayList<>(List.of("summary.json", "metrics.csv", "config.conf"));
        written.addAll(report.plots().keySet());
        written.addAll(report.files().keySet());
        try (var files = Files.list(dir)) { // what the run wrote besides: traces, the checkpoint
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pb"))
                    .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(f -> f)).forEach(written::add);
        } catch (IOException e) {
            // the listing only completes the line below
        }
        pw.printf("wrote %s (%s) in %.1f s%n", dir, String.join(", ", written), wall);
        return 0;
    }

    private static Checkpoint readCheckpoint(Path p) {
        if (!Files.isRegularFile(p)) throw new BadInput("checkpoint " + p + " does not exist");
        Checkpoint c;
        try {
            c = Checkpoint.parseFrom(Files.readAllBytes(p));
        } catch (IOException e) { // also a file that is not a checkpoint (InvalidProtocolBufferException)
            throw new BadInput("could not read checkpoint " + p + ": it is not a checkpoint.pb written by synaptor (" + e.getMessage() + ")");
        }
        // An empty file parses as an empty message: every checkpoint names its scenario and has an epoch done.
        if (c.getScenario().isEmpty() || c.getEpochsDone() < 1) {
            throw new BadInput("checkpoint " + p + " is " + (c.getScenario().isEmpty() && c.getEpochsDone() == 0 ? "empty or " : "")
                    + "not a checkpoint.pb written by synaptor (it names no scenario or no finished epoch)");
        }
        return c;
    }

    /**
     * Refuses an output directory the run could not write to, before anything runs: creates it (and
     * any missing parents) and a probe file there, then removes what it created, so a refusal — and
     * a run that fails later — leaves nothing behind. Root is not stopped by permission bits, so
     * asking the file system (Files.isWritable) is not enough; writing is the test.
     */
    private static void checkWritable(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !Files.isDirectory(existing)) {
            throw new BadInput("--out " + dir + " cannot be created: " + existing + " is a file, not a directory");
        }
        List<Path> created = new ArrayList<>();
        for (Path p = abs; p != null && !p.equals(existing); p = p.getParent()) created.add(p);
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".synaptor-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new BadInput("cannot write to the output directory " + dir + " (" + reason(e) + "); give --out a writable place");
        } finally {
            for (Path p : created) { // deepest first
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // it was never created, or something else now lives there: leave it
                }
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Config readConfig(Path p) {
        if (!Files.isRegularFile(p)) throw new BadInput("config file " + p + " does not exist");
        try {
            return ConfigFactory.parseFile(p.toFile()).resolve();
        } catch (ConfigException e) {
            throw new BadInput("could not read config file " + p + ": " + e.getMessage());
        }
    }

    private static long readSeed(Config file) {
        try {
            return file.getLong("seed");
        } catch (ConfigException e) {
            throw new BadInput("seed in the config file must be a whole number, got " + file.getValue("seed").unwrapped());
        }
    }

    private static Config parseSet(String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) throw new BadInput("--set expects key=value, got '" + kv + "'");
        String key = kv.substring(0, eq).trim();
        String value = kv.substring(eq + 1).trim();
        try {
            Config parsed = ConfigFactory.parseString("v = " + value);
            return ConfigFactory.empty().withValue(key, parsed.getValue("v"));
        } catch (ConfigException e) {
            try { // a bare word or something HOCON cannot parse: keep it as a string and let validation speak
                return ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value));
            } catch (ConfigException bad) {
                throw new BadInput("--set " + kv + ": '" + key + "' is not a setting path");
            }
        }
    }

    private static Path defaultOut(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path p = Path.of("runs", name + "-" + stamp);
        for (int k = 2; Files.exists(p); k++) p = Path.of("runs", name + "-" + stamp + "-" + k);
        return p;
    }

    private static boolean isEmptyDir(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printSettings(PrintWriter pw, Scenario sc) {
        pw.println();
        pw.println("Scenario " + sc.name() + ": " + sc.summary());
        pw.println(sc.description());
        pw.println();
        pw.println("Settings (--set KEY=VALUE):");
        for (Setting s : sc.settings()) {
            pw.printf("  %-22s = %-12s %s%n  %-22s   %-12s (%s)%n", s.path(), s.defaultValue(), s.doc(), "", "", s.range());
        }
    }
}
