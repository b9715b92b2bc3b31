package io.synaptor.scenarios;

import io.synaptor.scenarios.report.MonitorLog;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.synaptor.proto.Checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scenario's settings: the declared keys with their defaults, merged with what the user set,
 * and checked before anything runs. Typed getters read the merged HOCON.
 */
public final class Settings {
    private final List<Setting> declared;
    private final Config config;
    private final Path outputDir;
    private final AtomicInteger traces;
    private final Checkpoint resume;
    private final MonitorLog monitors;

    private Settings(List<Setting> declared, Config config, Path outputDir, AtomicInteger traces, Checkpoint resume) {
        this(declared, config, outputDir, traces, resume, new MonitorLog());
    }

    private Settings(List<Setting> declared, Config config, Path outputDir, AtomicInteger traces, Checkpoint resume,
                     MonitorLog monitors) {
        this.monitors = monitors;
        this.declared = declared;
        this.config = config;
        this.outputDir = outputDir;
        this.traces = traces;
        this.resume = resume;
    }

    /** The same settings for a run that writes into {@code dir} (where traces and checkpoints go). */
    public Settings withOutputDir(Path dir) {
        return new Settings(declared, config, dir, traces, resume, monitors);
    }

    /** The same settings for a run that goes on from a checkpoint. */
    public Settings withResume(Checkpoint checkpoint) {
        return new Settings(declared, config, outputDir, traces, checkpoint, monitors);
    }

    /** What this run's simulations recorded (monitor.*), shared by every view of these settings. */
    public MonitorLog monitors() {
        return monitors;
    }

    /** The checkpoint this run resumes from, or null. */
    public Checkpoint resume() {
        return resume;
    }

    /** A file in the run's output directory, or null when the run has none (the writer creates the directory). */
    public Path outputFile(String name) {
        return outputDir == null ? null : outputDir.resolve(name);
    }

    /**
     * Where the next simulation of this run writes its message trace, or null when tracing is off
     * (or the run has no output directory): trace.pb, then trace-2.pb, … for scenarios that run
     * several simulations. The trace's writer creates the directory.
     */
    public Path nextTraceFile() {
        boolean on = declared.stream().anyMatch(d -> d.path().equals("trace.enabled")) && getBoolean("trace.enabled");
        if (!on || outputDir == null) return null;
        int k = traces.incrementAndGet();
        return outputDir.resolve(k == 1 ? "trace.pb" : "trace-" + k + ".pb");
    }

    /** The defaults as HOCON. */
    public static Config defaults(List<Setting> declared) {
        Config c = ConfigFactory.empty();
        for (Setting s : declared) c = c.withValue(s.path(), ConfigValueFactory.fromAnyRef(s.defaultValue()));
        return c;
    }

    /**
     * Merges user values over the defaults; an unknown key, a wrong type or a value out of range
     * is a {@link BadInput} naming the key.
     */
    public static Settings resolve(String scenario, List<Setting> declared, Config user) {
        Map<String, Setting> byPath = new LinkedHashMap<>();
        for (Setting s : declared) byPath.put(s.path(), s);
        for (var e : user.entrySet()) {
            if (!byPath.containsKey(e.getKey()) && !underRaw(e.getKey(), byPath)) {
                throw new BadInput("unknown setting '" + e.getKey() + "' for scenario " + scenario
                        + Suggest.didYouMean(e.getKey(), byPath.keySet()) + " (see: synaptor run " + scenario + " --help)");
            }
        }
        Config merged = user.withFallback(defaults(declared)).resolve();
        Settings s = new Settings(declared, merged, null, new AtomicInteger(), null);
        for (Setting d : declared) d.validate(merged);
        return s;
    }

    /** Whether {@code key} lies inside a raw setting's object (populations.hidden.size under populations). */
    private static boolean underRaw(String key, Map<String, Setting> byPath) {
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            Setting s = byPath.get(key.substring(0, dot));
            if (s != null) return s.kind() == Setting.Kind.RAW;
        }
        return false;
    }

    /**
     * These settings seen under a wider declaration with some values fixed: how a scenario that
     * compares variants (noisy-nudge) hands each variant to a shared runner. The overrides win,
     * then the values resolved here, then the wider declaration's defaults.
     */
    public Settings derive(List<Setting> widerDeclared, Map<String, Object> overrides) {
        Config merged = ConfigFactory.parseMap(overrides).withFallback(config).withFallback(defaults(widerDeclared)).resolve();
        Settings s = new Settings(widerDeclared, merged, outputDir, traces, resume, monitors);
        for (Setting d : widerDeclared) d.validate(merged);
        return s;
    }

    private Setting find(String path) {
        for (Setting s : declared) if (s.path().equals(path)) return s;
        throw new IllegalArgumentException("undeclared setting " + path);
    }

    public int getInt(String path) {
        return find(path).getInt(config);
    }

    public double getDouble(String path) {
        return find(path).getDouble(config);
    }

    public boolean getBoolean(String path) {
        return find(path).getBoolean(config);
    }

    public String getString(String path) {
        return find(path).getString(config);
    }

    public double[] getRealList(String path) {
        return find(path).getRealList(config);
    }

    public int[] getIntList(String path) {
        return find(path).getIntList(config);
    }

    /** A raw setting's HOCON value ({@link Setting#raw}), for the scenario to read and check. */
    public com.typesafe.config.ConfigValue getValue(String path) {
        if (find(path).kind() != Setting.Kind.RAW) throw new IllegalArgumentException(path + " is not a raw setting");
        return config.getValue(path);
    }

    public Setting.Selection getSelection(String path) {
        return find(path).getSelection(config);
    }

    /** Whether this scenario declares {@code path}. */
    public boolean declares(String path) {
        return declared.stream().anyMatch(d -> d.path().equals(path));
    }

    /** The resolved values in declaration order, as plain Java values (for summary.json). */
    public Map<String, Object> flat() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Setting s : declared) {
            Object v = config.getValue(s.path()).unwrapped();
            out.put(s.path(), v instanceof List<?> l ? new ArrayList<>(l) : v);
        }
        return out;
    }

    /** The resolved HOCON, for config.conf. */
    public String render() {
        return config.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false));
    }
}
