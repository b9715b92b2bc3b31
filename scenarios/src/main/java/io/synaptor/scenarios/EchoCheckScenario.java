package io.synaptor.scenarios;

import io.synaptor.actors.EchoRun;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProgressListener;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.EchoReference;
import io.synaptor.network.SequenceTasks;
import io.synaptor.network.Sequences;
import io.synaptor.neurons.Identity;
import io.synaptor.scenarios.report.NetworkExport;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Optimizer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Hamiltonian echo learning against BPTT (seed 002; Pourcel &amp; Ernoult 2025; REFERENCES.md,
 * "Hamiltonian echo learning"): a small recurrent net of second-order units tracks a sine; the actors
 * run the forward pass and the two echoes for ε over several decades, one-sided and symmetric, and their
 * estimates are compared with the dense reference's BPTT through the same discrete trajectory. The
 * errors' slopes against ε are fitted (1 and 2); a linear net's symmetric estimate is exact at any ε;
 * and an echo at ε = 0 must return every unit to rest (time reversal, up to round-off).
 */
public final class EchoCheckScenario implements Scenario {
    /** Below this relative error an estimate's error is the arithmetic's: such points are left out of the slopes. */
    static final double ROUND_OFF = 1e-10;
    /** Above it higher orders in ε take over: such points are left out of the slopes too. */
    static final double ASYMPTOTIC = 0.1;

    /**
     * Six units, dt = 0.1, T = 100, the sine-tracking loss (REFERENCES.md's check). Stiffness α = 2 puts the
     * units' natural frequency √α away from the drive's ω = 1: at α = 1 the undamped forward pass is driven at
     * resonance and grows over T, and the symmetric error at ε = 1e-3 spread over 3.4e-5 … 1.0e-3 on seeds 1–10
     * (docs/scenarios.md#echo-check gives both).
     */
    static final EchoSetup.Defaults DEFAULTS = new EchoSetup.Defaults(6, 1, 100, 0.1, 0.5, 0.5, 2.0, 1e-3);

    @Override
    public String name() {
        return "echo-check";
    }

    @Override
    public String summary() {
        return "seed 002: Hamiltonian echo learning (one-sided, symmetric) vs BPTT against ε, a linear net, time reversal";
    }

    @Override
    public String description() {
        return """
                A recurrent net of echo.units second-order units (leapfrog, dt = time.dt, T = time.steps) tracks a sine:
                one input channel u_t = cos(t·dt), the output's position should follow sin((t + 1)·dt) at every step
                (check.examples sequences, random phases). For each ε of check.epsilons the actors run the forward
                pass and two echoes — +ε and −ε (symmetric) or +ε and free (one-sided) — and every coupling, input link
                and bias estimates its gradient from what it saw at its two ends; the estimates are compared with the
                dense reference's BPTT through the same trajectory. The same with a linear activation (symmetric: exact
                at any ε), and an echo at ε = 0, which must return every unit to rest.
                Summary: slope_one_sided, slope_symmetric (least squares of log error against log ε, over the points
                between 1e-10 and 0.1), rel_error_symmetric_eps_1e-3, rel_error_linear (worst over the grid),
                reversibility_error (largest |y| or |z| left where the echo at ε = 0 ends), actors_vs_dense_echo (the
                actors against the reference's own echo: the simulation is exact), epsilons, rel_error_* and cosine_* lists.
                Plot: echo_check.png, log-log error against ε. metrics.csv: epsilon, form, net, rel_error, cosine.""";
    }

    @Override
    public List<Setting> settings() {
        Set<String> unused = Set.of("echo.epsilon", "echo.form");
        List<Setting> s = new ArrayList<>(EchoSetup.settings(DEFAULTS).stream().filter(x -> !unused.contains(x.path())).toList());
        s.add(Setting.realList("check.epsilons", List.of(1e-1, 1e-2, 1e-3, 1e-4, 1e-5), 1e-12, 1e3, "the nudges ε compared"));
        s.add(Setting.integer("check.examples", 1, 1, 100_000, "sequences in the minibatch whose gradient is estimated"));
        return s;
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the common actors, wired in one JVM by EchoRun: the cluster's entities are built from an EqProp SimulationSpec
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double[] epsilons = s.getRealList("check.epsilons");
        int examples = s.getInt("check.examples");
        int steps = s.getInt("time.steps");
        double dt = s.getDouble("time.dt");
        Sequences data = SequenceTasks.sineTracking(examples, steps, dt, 1.0, s.getInt("echo.outputs"),
                RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0));
        int[][] batch = {java.util.stream.IntStream.range(0, examples).toArray()};
        EchoNetwork.Built tanh = EchoSetup.net(s, 1, seed);
        EchoNetwork.Built linear = EchoNetwork.recurrent(tanh.net().units(), 1, tanh.net().outputs().length, Identity.LINEAR, tanh.net().leapfrog(),
                s.getDouble("echo.gain"), s.getDouble("echo.input-gain"), s.getDouble("echo.stiffness"),
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        Engine engine = EchoSetup.engine(s, seed, tanh.net());

        Report report = new Report(List.of("epsilon", "form", "net", "rel_error", "cosine"));
        XYChart chart = new XYChartBuilder().width(680).height(600).title("Hamiltonian echo learning against BPTT")
                .xAxisTitle("ε").yAxisTitle("‖estimate − BPTT‖ / ‖BPTT‖").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setXAxisDecimalPattern("0E0")
                .setYAxisDecimalPattern("0E0").setLegendPosition(Styler.LegendPosition.OutsideS);
        report.metric("epsilons", NetworkExport.boxed(epsilons));
        long[] messages = {0};
        double[] worstVsDense = {0};
        int runs = 3 * epsilons.length + 2;
        progress.start(name(), runs);
        try {
            Estimator est = (built, eps, form) -> {
                EchoProgram program = EchoSetup.program(s, engine, 1, eps, form);
                EchoRun.Outcome o = EchoSetup.run(built.net(), built.init(), program, data, batch, 1, 0.0, Optimizer.SGD, engine,
                        ProgressListener.NONE);
                messages[0] += o.messages();
                double[] dense = new EchoReference(built.net()).echoGradient(built.init(), data, batch[0], program).flat();
                worstVsDense[0] = Math.max(worstVsDense[0], GradientStats.relativeError(o.gradient().flat(), dense));
                progress.step();
                return o.gradient().flat();
            };
            double[] exactTanh = new EchoReference(tanh.net()).bptt(tanh.init(), data, batch[0]).flat();
            double[] exactLinear = new EchoReference(linear.net()).bptt(linear.init(), data, batch[0]).flat();
            for (Curve c : List.of(new Curve(tanh, exactTanh, EchoProgram.Form.ONE_SIDED, "one_sided", "one-sided"),
                    new Curve(tanh, exactTanh, EchoProgram.Form.SYMMETRIC, "symmetric", "symmetric"),
                    new Curve(linear, exactLinear, EchoProgram.Form.SYMMETRIC, "linear", "symmetric, linear net"))) {
                double[] err = new double[epsilons.length], cos = new double[epsilons.length];
                for (int k = 0; k < epsilons.length; k++) {
                    double[] g = est.estimate(c.net(), epsilons[k], c.form());
                    err[k] = GradientStats.relativeError(g, c.exact());
                    cos[k] = GradientStats.cosine(g, c.exact());
                    report.row(epsilons[k], c.form() == EchoProgram.Form.SYMMETRIC ? "symmetric" : "one-sided", c.net().net().phi().name(),
                            err[k], cos[k]);
                }
                report.metric("rel_error_" + c.key(), NetworkExport.boxed(err)).metric("cosine_" + c.key(), NetworkExport.boxed(cos));
                if (c.net() == linear) {
                    double worst = Arrays.stream(err).max().orElse(0);
                    report.metric("rel_error_linear", worst);
                    report.line(String.format("%-22s relative error ≤ %.1e at every ε%s", c.label(), worst, worst <= 1e-9
                            ? " (exact: the echo of a linear net is linear in ε)" : " — not exact: the run's timing breaks time reversal"));
                    chart.addSeries(c.label(), epsilons, floor(err));
                } else {
                    double slope = fittedSlope(epsilons, err);
                    report.metric("slope_" + c.key(), slope);
                    report.line(String.format("%-22s relative error %.2e … %.2e over ε %.0e … %.0e: slope %.3f", c.label(), err[0],
                            err[epsilons.length - 1], epsilons[0], epsilons[epsilons.length - 1], slope));
                    chart.addSeries(String.format("%s (slope %.2f)", c.label(), slope), epsilons, floor(err));
                }
            }
            double[] at = est.estimate(tanh, 1e-3, EchoProgram.Form.SYMMETRIC);
            double at1e3 = GradientStats.relativeError(at, exactTanh);
            report.metric("rel_error_symmetric_eps_1e-3", at1e3);
            report.line(String.format("symmetric at ε = 1e-3: relative error %.2e, cosine %.10f", at1e3, GradientStats.cosine(at, exactTanh)));
            EchoRun.Outcome back = EchoSetup.run(tanh.net(), tanh.init(), EchoSetup.program(s, engine, 1, 0.0, EchoProgram.Form.ONE_SIDED),
                    data, batch, 1, 0.0, Optimizer.SGD, engine, ProgressListener.NONE);
            messages[0] += back.messages();
            progress.step();
            report.metric("reversibility_error", back.reversibility());
            report.line(String.format("time reversal: forward then the echo at ε = 0 leaves every unit within %.1e of rest", back.reversibility()));
        } finally {
            progress.close();
        }
        report.metric("actors_vs_dense_echo", worstVsDense[0]).metric("messages", messages[0])
                .metric("parameters", tanh.init().flat().length);
        report.line(String.format("actors against the dense reference's echo: relative difference ≤ %.1e (%d parameters, %,d messages)",
                worstVsDense[0], tanh.init().flat().length, messages[0]));
        report.plot("echo_check.png", chart);
        return report;
    }

    /** One curve of the plot: a net with its BPTT gradient, an echo form, its summary key and its label. */
    private record Curve(EchoNetwork.Built net, double[] exact, EchoProgram.Form form, String key, String label) {
    }

    @FunctionalInterface
    private interface Estimator {
        double[] estimate(EchoNetwork.Built net, double epsilon, EchoProgram.Form form);
    }

    /** The slope over the points between round-off and the asymptotic range; NaN if fewer than two. */
    static double fittedSlope(double[] eps, double[] err) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (int k = 0; k < eps.length; k++) {
            if (err[k] > ROUND_OFF && err[k] < ASYMPTOTIC) {
                x.add(eps[k]);
                y.add(err[k]);
            }
        }
        if (x.size() < 2) return Double.NaN;
        return GradientBiasScenario.slope(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Zero errors (a linear net at round-off) drawn at 1e-17 so a log axis can show them. */
    private static double[] floor(double[] err) {
        return Arrays.stream(err).map(e -> Math.max(e, 1e-17)).toArray();
    }
}
