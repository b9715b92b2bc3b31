package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * "What happens to learning when the feedback path is late, or when units update at their own
 * pace?" (issue 4): the gradient-check net and example, one or two timing knobs swept over a grid,
 * and at each cell the cosine and relative error of the synapses' EP gradient against the exact
 * one. Every cell is a full actor run in virtual time, so each is reproducible bit for bit.
 */
public final class DelaySweepScenario implements Scenario {
    private static final Common.Defaults DEFAULTS =
            new Common.Defaults(List.of(4, 8, 6, 3), 100, 100, 0.05, false, 0.0, 1, 1);

    /** A swept knob: its name in sweep.param, its axis label, and the settings one value of it fixes. */
    private record Knob(String key, String axis, DoubleFunction<Map<String, Object>> set) {
        static Knob of(String key, String axis, String path) {
            return new Knob(key, axis, v -> Map.of(path, v));
        }
    }

    private static final List<Knob> KNOBS = List.of(
            Knob.of("delay", "mean link delay (steps)", "network.delay"),
            Knob.of("delay-spread", "delay spread (network.delay-spread)", "network.delay-spread"),
            Knob.of("jitter", "link jitter (steps)", "network.jitter"),
            Knob.of("drop", "probability that a link loses a value", "network.drop"),
            Knob.of("clock-skew", "largest clock skew (steps)", "network.clock-skew"),
            new Knob("update-rate", "update probability per step (Poisson)",
                    v -> Map.of("units.update", "poisson", "units.update-rate", v)));

    private static Knob knob(String key) {
        return KNOBS.stream().filter(k -> k.key().equals(key)).findFirst()
                .orElseThrow(() -> new BadInput("unknown sweep parameter " + key));
    }

    private static List<String> knobKeys() {
        return KNOBS.stream().map(Knob::key).toList();
    }

    @Override
    public String name() {
        return "delay-sweep";
    }

    @Override
    public String summary() {
        return "EP gradient vs exact as delay, delay spread, jitter, loss, clock skew or update rate vary: curves or a heatmap";
    }

    @Override
    public String description() {
        return """
                The gradient-check net and example (4-8-6-3, T1 = T2 = 100 steps, β = 0.05), or with sweep.net = dsm
                dsm-bias's diffusion substrate and noisy example (every parameter's DSM gradient: couplings, J₂
                and J₄, biases; seed 000), or with sweep.net = multiplex multiplex-check's tasks nudged at once on the
                same net (multiplex.*; complex nudges at β; each cell's cosine and error are the worst task's against
                its exact gradient alone, rel_error_by_task per cell in metrics.csv). sweep.param (and
                optionally sweep.param2) is set to each value of sweep.values (sweep.values2): delay = the mean
                link delay in steps (network.delay, drawn per link by network.delay-model), delay-spread =
                network.delay-spread, jitter = network.jitter (steps), drop = network.drop (probability that a
                link loses a value), clock-skew = network.clock-skew (steps), update-rate = the probability
                that a unit steps at a given step (Poisson, asynchronous units). At each cell the actors run one training episode in virtual time and the
                synapses' gradient is compared with the exact one. Summary: grid (the swept values),
                cosine_by_<param> and rel_error_by_<param> (lists; with two parameters cosine_grid, rows over
                sweep.values2), best_cell and worst_cell (values and cosine), messages. Plot: sweep.png —
                cosine against the parameter, or a heatmap for two. metrics.csv: one row per cell.""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(declared());
        s.add(Setting.choice("sweep.param", "delay", knobKeys(), "the first swept knob"));
        s.add(Setting.realList("sweep.values", List.of(1.0, 2.0, 5.0, 10.0, 20.0), 0.0, 1e6, "its values"));
        List<String> second = new ArrayList<>(List.of("none"));
        second.addAll(knobKeys());
        s.add(Setting.choice("sweep.param2", "none", second, "an optional second knob (a heatmap)"));
        s.add(Setting.realList("sweep.values2", List.of(1.0, 0.5), 0.0, 1e6, "its values"));
        return s;
    }

    private static List<Setting> declared() {
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS, RelaxationCheck.GRADIENT_TOLERANCE));
        s.add(Setting.choice("sweep.net", "gradient-check", List.of("gradient-check", "dsm", "multiplex"),
                "the net and example: gradient-check's, or dsm-bias's diffusion substrate and noisy example (seed 000; its substrate.*, data.* and dsm.sigma settings, "
                        + "network.layers, units.model and network.coupling unused), or multiplex-check's tasks nudged at once (multiplex.*; the worst task; presets "
                        + "network.layers=[4,8,4], time.dt=0.25, time.free-steps=800, time.nudge-steps=400, learning.beta=0.1 unless set)"));
        s.addAll(DsmProbe.SUBSTRATE);
        s.addAll(MultiplexProbe.SETTINGS);
        return s;
    }

    /** What sweep.net = multiplex brings unless set: multiplex-check's net, step, phases and β (its tasks' relaxations settle there). */
    private static final Map<String, Object> MULTIPLEX_PRESETS = Map.of("network.layers", List.of(4, 8, 4), "time.dt", 0.25,
            "time.free-steps", 800, "time.nudge-steps", 400, "learning.beta", 0.1);

    @Override
    public com.typesafe.config.Config presets(com.typesafe.config.Config user) {
        boolean multiplex = user.hasPath("sweep.net") && user.getValue("sweep.net").unwrapped().equals("multiplex");
        return multiplex ? com.typesafe.config.ConfigFactory.parseMap(MULTIPLEX_PRESETS) : com.typesafe.config.ConfigFactory.empty();
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        Knob first = knob(s.getString("sweep.param"));
        double[] xs = s.getRealList("sweep.values");
        boolean two = !s.getString("sweep.param2").equals("none");
        Knob second = two ? knob(s.getString("sweep.param2")) : null;
        double[] ys = two ? s.getRealList("sweep.values2") : new double[]{Double.NaN};
        if (two && second == first) throw new BadInput("sweep.param2 must differ from sweep.param");

        List<String> columns = new ArrayList<>(List.of(first.key()));
        if (two) columns.add(second.key());
        columns.addAll(List.of("cosine", "rel_error", "messages", "relaxation_residual_max", "unconverged"));
        if (s.getString("sweep.net").equals("multiplex")) columns.add("rel_error_by_task");
        List<io.synaptor.actors.RunResult> results = new ArrayList<>();
        Report report = new Report(columns);
        double[][] cos = new double[ys.length][xs.length];
        double[][] err = new double[ys.length][xs.length];
        long messages = 0;
        int[] best = {0, 0};
        int[] worst = {0, 0};
        progress.start(name(), (long) xs.length * ys.length);
        try {
            for (int b = 0; b < ys.length; b++) {
                for (int a = 0; a < xs.length; a++) {
                    Map<String, Object> fixed = new LinkedHashMap<>(first.set().apply(xs[a]));
                    if (two) fixed.putAll(second.set().apply(ys[b]));
                    Settings cell = s.derive(declared(), fixed);
                    boolean dsm = cell.getString("sweep.net").equals("dsm");
                    if (cell.getString("sweep.net").equals("multiplex")) { // every task at once; the worst task's cosine and error
                        MultiplexProbe mx = new MultiplexProbe(cell, seed, name());
                        if (a == 0 && b == 0) mx.probe.export(report, name(), cell, Map.of("note", "the first cell's net; every cell has the "
                                + "same weights and biases, and the delays, timing and rule its sweep values set"));
                        MultiplexProbe.PerTask m = mx.measure(cell, seed, mx.plan(mx.harmonics, true), cell.getDouble("learning.beta"), "multiplexed EP");
                        cos[b][a] = m.worstCosine();
                        err[b][a] = m.worstError();
                        long sent = 0;
                        for (var r : m.results()) sent += r.messages();
                        messages += sent;
                        io.synaptor.actors.RunResult last = m.results().get(m.results().size() - 1);
                        List<Object> row = new ArrayList<>(List.of(xs[a]));
                        if (two) row.add(ys[b]);
                        row.addAll(List.of(cos[b][a], err[b][a], sent, last.residualMax(), last.unconvergedExamples(),
                                java.util.Arrays.stream(m.relErrors()).mapToObj(e -> String.format(java.util.Locale.ROOT, "%.3e", e))
                                        .collect(java.util.stream.Collectors.joining(" "))));
                        results.addAll(m.results());
                        report.row(row.toArray());
                        if (cos[b][a] > cos[best[0]][best[1]]) best = new int[]{b, a};
                        if (cos[b][a] < cos[worst[0]][worst[1]]) worst = new int[]{b, a};
                        progress.step();
                        continue;
                    }
                    GradientProbe probe = dsm ? DsmProbe.probe(cell, seed) : new GradientProbe(cell, seed, name());
                    if (a == 0 && b == 0) probe.export(report, name(), cell, Map.of("note", "the first cell's net; "
                            + "every cell has the same weights and biases, and the delays, timing and rule its sweep values set"));
                    String rule = cell.getString("learning.rule");
                    GradientProbe.Estimator est = new GradientProbe.Estimator(rule, Common.nudgeShape(cell), rule, rule);
                    double beta = cell.getDouble("learning.beta");
                    GradientProbe.Measurement m = probe.measure(cell, seed, est, beta, cell.getBoolean("learning.random-sign"),
                            cell.getInt("time.free-steps"), cell.getInt("time.nudge-steps"), dsm ? DsmProbe.monitor(probe) : null);
                    if (dsm) { // every parameter of the substrate: couplings, J₂ and J₄, biases (dsm-bias)
                        double[] exact = DsmProbe.exactAll(probe);
                        double[] estimate = DsmProbe.estimateAll(probe, m,
                                DsmProbe.phases(est, beta, cell.getInt("time.free-steps"), cell.getInt("time.nudge-steps"), seed), beta);
                        cos[b][a] = GradientStats.cosine(estimate, exact);
                        err[b][a] = GradientStats.relativeError(estimate, exact);
                    } else {
                        cos[b][a] = m.cosine();
                        err[b][a] = m.relError();
                    }
                    messages += m.result().messages();
                    List<Object> row = new ArrayList<>(List.of(xs[a]));
                    if (two) row.add(ys[b]);
                    row.addAll(List.of(cos[b][a], err[b][a], m.result().messages(), m.result().residualMax(),
                            m.result().unconvergedExamples()));
                    results.add(m.result());
                    report.row(row.toArray());
                    if (cos[b][a] > cos[best[0]][best[1]]) best = new int[]{b, a};
                    if (cos[b][a] < cos[worst[0]][worst[1]]) worst = new int[]{b, a};
                    progress.step();
                }
            }
        } finally {
            progress.close();
        }

        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put(first.key(), toList(xs));
        if (two) grid.put(second.key(), toList(ys));
        report.metric("grid", grid);
        if (two) {
            List<List<Double>> rows = new ArrayList<>();
            for (double[] r : cos) rows.add(toList(r));
            report.metric("cosine_grid", rows);
        } else {
            report.metric("cosine_by_" + first.key().replace('-', '_'), toList(cos[0]))
                    .metric("rel_error_by_" + first.key().replace('-', '_'), toList(err[0]));
        }
        report.metric("best_cell", cell(first, xs[best[1]], second, ys[best[0]], cos[best[0]][best[1]]))
                .metric("worst_cell", cell(first, xs[worst[1]], second, ys[worst[0]], cos[worst[0]][worst[1]]))
                .metric("messages", messages);
        RelaxationCheck.report(report, results);
        if (two) report.plot("sweep.png", heatmap(first, xs, second, ys, cos));
        else report.plot("sweep.png", curve(first, xs, cos[0]));
        report.line(String.format("best cosine %.6f at %s, worst %.6f at %s", cos[best[0]][best[1]],
                describe(first, xs[best[1]], second, ys[best[0]]), cos[worst[0]][worst[1]],
                describe(first, xs[worst[1]], second, ys[worst[0]])));
        return report;
    }

    private static Map<String, Object> cell(Knob a, double x, Knob b, double y, double cosine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(a.key(), x);
        if (b != null) m.put(b.key(), y);
        m.put("cosine", cosine);
        return m;
    }

    private static String describe(Knob a, double x, Knob b, double y) {
        return a.key() + " = " + x + (b == null ? "" : ", " + b.key() + " = " + y);
    }

    private static XYChart curve(Knob k, double[] xs, double[] cos) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title("EP gradient vs exact, swept over " + k.key)
                .xAxisTitle(k.axis()).yAxisTitle("cosine to the exact gradient").build();
        chart.addSeries("cosine", xs, cos).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static HeatMapChart heatmap(Knob a, double[] xs, Knob b, double[] ys, double[][] cos) {
        HeatMapChart chart = new HeatMapChartBuilder().width(640).height(480)
                .title("Cosine to the exact gradient").xAxisTitle(a.axis()).yAxisTitle(b.axis()).build();
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) for (int i = 0; i < xs.length; i++) cells.add(new Number[]{i, j, cos[j][i]});
        chart.addSeries("cosine", toList(xs), toList(ys), cells);
        chart.getStyler().setShowValue(true);
        return chart;
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) out.add(d);
        return out;
    }
}
