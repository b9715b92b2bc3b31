package io.synaptor.scenarios;

import io.synaptor.actors.EchoRun;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProgressListener;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.EchoReference;
import io.synaptor.network.SequenceTasks;
import io.synaptor.network.Sequences;
import io.synaptor.scenarios.report.NetworkExport;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Optimizer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What breaks the echo (seed 002; docs/scenarios.md#echo-sweep): echo-check's net and sequence, the
 * symmetric estimate's cosine to the exact gradient as a link delay outgrows the shared grid, as a
 * dissipative term grows, and as units skip leapfrog steps (Poisson updates). Time reversal needs every
 * unit to feel, at each step, the force of the others' current positions and nothing that loses energy:
 * a delayed force is the past's, and the echo — the forward pass run backwards — would need the future's.
 */
public final class EchoSweepScenario implements Scenario {
    /** The central differences' step: their error, O(h²) against round-off O(10⁻¹⁶/h) of a loss of order 10, stays near 1e-9. */
    static final double FD_STEP = 1e-5;

    @Override
    public String name() {
        return "echo-sweep";
    }

    @Override
    public String summary() {
        return "seed 002: what breaks the echo — the echo gradient's cosine against link delay, damping and Poisson updates";
    }

    @Override
    public String description() {
        return """
                echo-check's net and sine-tracking sequence, the symmetric echo at ε = echo.epsilon, one estimate per value,
                each compared with two gradients: BPTT of the ideal net (fresh forces, every unit stepping — what the
                hardware was meant to compute) and the gradient of the physics the run actually is (BPTT again where the
                two coincide, else central differences of the actors' own forward loss, 2 runs per parameter):
                (1) link delay: leapfrog steps on a grid of sweep.grid virtual steps while network.delay takes each of
                sweep.delays — below the grid every force is fresh, from sweep.grid on the forces are a step (or more) old;
                (2) damping: a dissipative term −γz in every kick, γ from sweep.dampings (BPTT of the damped net is the
                gradient of its physics);
                (3) update models: each unit takes a leapfrog step with probability r (Poisson updates), r from
                sweep.update-rates, holding its state otherwise.
                Summary: delays, dampings, update_rates; cosine_by_*, rel_error_by_* (to the ideal net), cosine_own_by_*,
                rel_error_own_by_* (to the physics run), * = delay, damping, update_rate. Plots: echo_sweep_delay.png,
                echo_sweep_damping.png, echo_sweep_update.png. metrics.csv: knob, value, cosine, rel_error, cosine_own,
                rel_error_own.""";
    }

    @Override
    public List<Setting> settings() {
        java.util.Set<String> unused = java.util.Set.of("echo.form", "echo.damping", "echo.grid", "network.delay", "units.update", "units.update-rate");
        List<Setting> s = new ArrayList<>(EchoSetup.settings(EchoCheckScenario.DEFAULTS).stream().filter(x -> !unused.contains(x.path())).toList());
        s.add(Setting.integer("sweep.grid", 4, 1, 1_000_000, "P, virtual steps per leapfrog step while the delay is swept"));
        s.add(Setting.realList("sweep.delays", List.of(1.0, 2.0, 3.0, 4.0, 5.0, 8.0, 12.0), 1.0, 1e5, "link delays in virtual steps"));
        s.add(Setting.realList("sweep.dampings", List.of(0.0, 1e-4, 1e-3, 1e-2, 0.1, 0.3), 0.0, 1e6, "γ of the dissipative term"));
        s.add(Setting.realList("sweep.update-rates", List.of(1.0, 0.999, 0.99, 0.95, 0.8), 1e-6, 1.0, "probability that a unit takes a leapfrog step"));
        return s;
    }

    /** The settings echo-sweep does not declare but each cell fixes: those of the net and the timing it sweeps. */
    private List<Setting> declared() {
        List<Setting> all = new ArrayList<>(EchoSetup.settings(EchoCheckScenario.DEFAULTS));
        for (Setting x : settings()) if (all.stream().noneMatch(y -> y.path().equals(x.path()))) all.add(x);
        return all;
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the common actors, wired in one JVM by EchoRun
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double[] delays = s.getRealList("sweep.delays");
        double[] dampings = s.getRealList("sweep.dampings");
        double[] rates = s.getRealList("sweep.update-rates");
        int grid = s.getInt("sweep.grid");
        double epsilon = EchoSetup.learningEpsilon(s);
        int steps = s.getInt("time.steps");
        Sequences data = SequenceTasks.sineTracking(1, steps, s.getDouble("time.dt"), 1.0, s.getInt("echo.outputs"),
                RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0));
        int[][] batch = {{0}};
        Report report = new Report(List.of("knob", "value", "cosine", "rel_error", "cosine_own", "rel_error_own"));
        progress.start(name(), delays.length + dampings.length + rates.length);
        long[] messages = {0};
        List<Setting> declared = declared();
        EchoNetwork.Built base = EchoSetup.net(s.derive(declared, Map.of()), 1, seed);
        double[] meant = new EchoReference(base.net()).bptt(base.init(), data, batch[0]).flat(); // no delay, no damping, every step
        Cell cell = (overrides, reference) -> {
            Settings c = s.derive(declared, overrides);
            EchoNetwork.Built built = EchoSetup.net(c, 1, seed);
            Engine engine = EchoSetup.engine(c, seed, built.net());
            EchoProgram program = EchoSetup.program(c, engine, 1, epsilon, EchoProgram.Form.SYMMETRIC);
            EchoRun.Outcome o = EchoSetup.run(built.net(), built.init(), program, data, batch, 1, 0.0, Optimizer.SGD, engine, ProgressListener.NONE);
            messages[0] += o.messages();
            double[] g = o.gradient().flat();
            double[] physics = new EchoReference(built.net()).bptt(built.init(), data, batch[0]).flat();
            if (!reference) { // the run's physics is not the reference's: its own gradient, by central differences of the actors' loss
                physics = new double[g.length];
                for (int k = 0; k < g.length; k++) {
                    double[] loss = new double[2];
                    for (int side = 0; side < 2; side++) {
                        EchoNetwork.Parameters p = built.init().copy();
                        p.add(k, side == 0 ? FD_STEP : -FD_STEP);
                        EchoRun.Outcome f = EchoSetup.run(built.net(), p, program, data, batch, 1, 0.0, Optimizer.SGD, engine, ProgressListener.NONE);
                        loss[side] = f.losses().get(0);
                    }
                    physics[k] = (loss[0] - loss[1]) / (2 * FD_STEP);
                }
            }
            progress.step();
            return new double[]{GradientStats.cosine(g, meant), GradientStats.relativeError(g, meant), GradientStats.cosine(g, physics),
                    GradientStats.relativeError(g, physics)};
        };
        try {
            sweep(report, "delay", "link delay (virtual steps; leapfrog step every " + grid + ")", delays,
                    v -> cell.measure(Map.of("network.delay", (int) v, "echo.grid", grid), v < grid), true);
            sweep(report, "damping", "damping γ", dampings, v -> cell.measure(Map.of("echo.damping", v), true), false);
            sweep(report, "update_rate", "probability of a leapfrog step (Poisson updates)", rates,
                    v -> cell.measure(v >= 1.0 ? Map.of() : Map.of("units.update", "poisson", "units.update-rate", v), v >= 1.0), false);
        } finally {
            progress.close();
        }
        report.metric("grid", grid).metric("messages", messages[0]);
        return report;
    }

    @FunctionalInterface
    private interface Cell {
        /**
         * The echo under {@code overrides}: its cosine and relative error to BPTT of the ideal net (fresh forces, no
         * damping, every unit stepping), then to the gradient of the physics the run actually is — BPTT of the run's
         * net where the reference integrates that physics ({@code reference}: fresh forces and every unit stepping,
         * whatever the damping), else central differences of the actors' own forward loss.
         */
        double[] measure(Map<String, Object> overrides, boolean reference);
    }

    private void sweep(Report report, String knob, String axis, double[] values, java.util.function.DoubleFunction<double[]> measure,
                       boolean whole) {
        double[] cos = new double[values.length], err = new double[values.length], own = new double[values.length], ownErr = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double[] m = measure.apply(values[k]);
            cos[k] = m[0];
            err[k] = m[1];
            own[k] = m[2];
            ownErr[k] = m[3];
            report.row(knob, values[k], cos[k], err[k], own[k], ownErr[k]);
            report.line(String.format("%-12s %-8s cosine %9.6f to the ideal net's gradient, %9.6f to its own physics' (relative error %.2e)",
                    knob, whole ? String.valueOf((int) values[k]) : String.format("%.3g", values[k]), cos[k], own[k], ownErr[k]));
        }
        String plural = knob.equals("delay") ? "delays" : knob.equals("damping") ? "dampings" : "update_rates";
        report.metric(plural, NetworkExport.boxed(values)).metric("cosine_by_" + knob, NetworkExport.boxed(cos))
                .metric("rel_error_by_" + knob, NetworkExport.boxed(err)).metric("cosine_own_by_" + knob, NetworkExport.boxed(own))
                .metric("rel_error_own_by_" + knob, NetworkExport.boxed(ownErr));
        XYChart c = new XYChartBuilder().width(620).height(420).title("What breaks the echo: " + knob.replace('_', ' ')).xAxisTitle(axis)
                .yAxisTitle("cosine to the exact gradient").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setYAxisMin(-1.0).setYAxisMax(1.05);
        c.getStyler().setYAxisDecimalPattern("0.###");
        if (knob.equals("damping")) {
            double[] x = values.clone();
            for (int k = 0; k < x.length; k++) x[k] = Math.max(x[k], 1e-5); // γ = 0 drawn at 1e-5 on the log axis
            c.getStyler().setXAxisLogarithmic(true).setXAxisDecimalPattern("0E0");
            c.addSeries("to BPTT of the undamped net", x, cos);
            c.addSeries("to the gradient of the physics run (BPTT of the damped net)", x, own);
        } else {
            c.addSeries("to BPTT of the ideal net", values, cos);
            c.addSeries("to the gradient of the physics run (central differences)", values, own);
        }
        report.plot("echo_sweep_" + (knob.equals("update_rate") ? "update" : knob) + ".png", c);
    }
}
