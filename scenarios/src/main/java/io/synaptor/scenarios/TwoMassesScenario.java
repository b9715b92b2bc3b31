package io.synaptor.scenarios;

import io.synaptor.actors.EchoRun;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProgressListener;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.EchoReference;
import io.synaptor.network.Sequences;
import io.synaptor.neurons.Identity;
import io.synaptor.scenarios.report.NetworkExport;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Optimizer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The smallest physical demonstration of Hamiltonian echo learning (seed 002): two masses, each on a
 * spring to the wall (k₁, k₂) and joined by a third (k₁₂), V = ½k₁y₁² + ½k₁₂(y₁ − y₂)² + ½k₂y₂², mass 1
 * driven by a known force. Their positions under the true springs are the targets; the springs learn
 * from echoes on the actors (each spring from what it sees at its own ends), and the same start learns
 * by BPTT in the dense reference, for comparison.
 */
public final class TwoMassesScenario implements Scenario {
    static final EchoSetup.Defaults DEFAULTS = new EchoSetup.Defaults(2, 2, 100, 0.1, 0, 0, 1.0, 1e-3);

    @Override
    public String name() {
        return "two-masses";
    }

    @Override
    public String summary() {
        return "seed 002: two masses on three springs learn the springs from echoes; learned constants vs BPTT's";
    }

    @Override
    public String description() {
        return """
                Two unit masses (positions y₁, y₂, momenta z₁, z₂): spring k₁ from the wall to mass 1, k₁₂ between them, k₂
                from mass 2 to the wall; mass 1 feels the force u_t = sin(0.7·t·dt + φ) + ½ sin(1.9·t·dt + 2φ) (φ random per
                sequence). The targets are both positions at every step under masses.true-springs; from
                masses.initial-springs the three constants learn — on the actors by Hamiltonian echo learning (the wall
                springs are the units' stiffnesses α, learning from ½y½²; the middle one a spring coupling, from
                ½(y½₁ − y½₂)²), and in the dense reference by BPTT on the same sequences with the same optimizer.
                Summary: springs (k₁, k₁₂, k₂ learned by echoes), bptt_springs, true_springs, max_difference_to_bptt
                (over the epochs), loss and bptt_loss (last epoch, mean per sequence). Plot: springs.png (each constant
                per epoch: echoes solid, BPTT dashed, the truth dotted). metrics.csv: epoch, method, k1, k12, k2, loss.""";
    }

    @Override
    public List<Setting> settings() {
        java.util.Set<String> unused = java.util.Set.of("echo.units", "echo.outputs", "echo.activation", "echo.gain", "echo.input-gain", "echo.stiffness");
        List<Setting> s = new ArrayList<>(EchoSetup.settings(DEFAULTS).stream().filter(x -> !unused.contains(x.path())).toList());
        s.add(Setting.realList("masses.true-springs", List.of(1.0, 0.5, 2.0), 0.0, 1e6, "k₁, k₁₂, k₂ that make the targets"));
        s.add(Setting.realList("masses.initial-springs", List.of(0.5, 1.0, 1.0), 0.0, 1e6, "k₁, k₁₂, k₂ where learning starts"));
        s.add(Setting.integer("masses.sequences", 8, 1, 100_000, "driven sequences, all in one minibatch"));
        s.add(Setting.integer("training.epochs", 150, 1, 1_000_000, "passes (one minibatch each)"));
        s.add(Setting.real("learning.rate", 0.003, 0.0, 1000.0, "η"));
        s.add(Setting.choice("learning.optimizer", "sgd", Optimizer.NAMES,
                "sgd or adam (both sides); with one minibatch per epoch Adam restarts every step, a step of η·sign(ĝ)"));
        return s;
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the common actors, wired in one JVM by EchoRun
    }

    /** The two masses with springs k = (k₁, k₁₂, k₂), mass 1 driven, both positions scored, the springs learning. */
    static EchoNetwork.Built masses(double[] k, Settings s) {
        EchoNetwork net = new EchoNetwork(2, 1, Identity.LINEAR, EchoNetwork.Kind.SPRING, new int[][]{{0, 1}}, new int[][]{{0, 0}},
                new int[]{0, 1}, EchoSetup.leapfrog(s), EnumSet.of(EchoNetwork.Group.COUPLINGS, EchoNetwork.Group.STIFFNESSES));
        return new EchoNetwork.Built(net, new EchoNetwork.Parameters(new double[]{k[1]}, new double[]{1.0}, new double[2], new double[]{k[0], k[2]}));
    }

    static double[] springs(EchoNetwork.Parameters p) {
        return new double[]{p.stiffness()[0], p.w()[0], p.stiffness()[1]};
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        double[] truth = s.getRealList("masses.true-springs");
        double[] start = s.getRealList("masses.initial-springs");
        if (truth.length != 3 || start.length != 3) throw new BadInput("masses.true-springs and masses.initial-springs take three constants: k₁, k₁₂, k₂");
        int steps = s.getInt("time.steps");
        double dt = s.getDouble("time.dt");
        int n = s.getInt("masses.sequences");
        int epochs = s.getInt("training.epochs");
        EchoNetwork.Built target = masses(truth, s);
        EchoReference truthRef = new EchoReference(target.net());
        // the drive, then the targets: the true system's positions
        SplittableRandom r = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0);
        double[][][] u = new double[n][steps][1];
        for (int b = 0; b < n; b++) {
            double phi = 2 * Math.PI * r.nextDouble();
            for (int t = 0; t < steps; t++) u[b][t][0] = Math.sin(0.7 * t * dt + phi) + 0.5 * Math.sin(1.9 * t * dt + 2 * phi);
        }
        boolean[] all = new boolean[steps];
        java.util.Arrays.fill(all, true);
        Sequences drive = new Sequences(u, new double[n][steps][2], all, new int[n]);
        double[][][] y = new double[n][steps][2];
        for (int b = 0; b < n; b++) {
            EchoReference.Trajectory tr = truthRef.forward(target.init(), drive, b);
            for (int t = 0; t < steps; t++) y[b][t] = tr.y()[t + 1].clone();
        }
        Sequences data = new Sequences(u, y, all, new int[n]);
        EchoNetwork.Built built = masses(start, s);
        EchoReference ref = new EchoReference(built.net());
        Engine engine = EchoSetup.engine(s, seed, built.net());
        double rate = s.getDouble("learning.rate");
        Optimizer optimizer = Optimizer.of(s.getString("learning.optimizer"), 1.0);
        double epsilon = EchoSetup.learningEpsilon(s);
        int[][] batch = {java.util.stream.IntStream.range(0, n).toArray()};
        EchoProgram program = EchoSetup.program(s, engine, 1, epsilon, EchoSetup.form(s));

        double[][] echo = new double[epochs + 1][], bptt = new double[epochs + 1][];
        double[] echoLoss = new double[epochs], bpttLoss = new double[epochs];
        echo[0] = springs(built.init());
        bptt[0] = echo[0];
        Report report = new Report(List.of("epoch", "method", "k1", "k12", "k2", "loss"));
        progress.start(name(), 2L * epochs);
        long messages = 0;
        try {
            EchoNetwork.Parameters p = built.init();
            for (int e = 0; e < epochs; e++) {
                EchoRun.Outcome o = EchoSetup.run(built.net(), p, program, data, batch, 1, rate, optimizer, engine, ProgressListener.NONE);
                messages += o.messages();
                p = o.parameters();
                if (!p.isFinite()) throw new RunFailed("the springs left the finite numbers in epoch " + (e + 1) + "; try a smaller learning.rate", null);
                echo[e + 1] = springs(p);
                echoLoss[e] = o.losses().get(0) / n;
                progress.step();
            }
            int[][] every = new int[epochs][];
            java.util.Arrays.fill(every, batch[0]);
            // one minibatch per epoch, so the epoch index is the step's: the optimizer's moments restart every step, as the actors' do
            EchoNetwork.Parameters[] before = {built.init()}; // each epoch's loss is its forward pass's, before the step, as the actors report it
            ref.train(built.init(), data, every, 1, rate, optimizer, ref::bptt, (q, e) -> {
                bpttLoss[e] = ref.loss(before[0], data, batch[0]) / n;
                before[0] = q.copy();
                bptt[e + 1] = springs(q);
                progress.step();
            });
        } finally {
            progress.close();
        }
        double worst = 0;
        for (int e = 0; e <= epochs; e++) {
            for (int k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(echo[e][k] - bptt[e][k]));
            if (e > 0) {
                report.row(e, "echo", echo[e][0], echo[e][1], echo[e][2], echoLoss[e - 1]);
                report.row(e, "bptt", bptt[e][0], bptt[e][1], bptt[e][2], bpttLoss[e - 1]);
            }
        }
        report.metric("springs", NetworkExport.boxed(echo[epochs])).metric("bptt_springs", NetworkExport.boxed(bptt[epochs]))
                .metric("true_springs", NetworkExport.boxed(truth)).metric("max_difference_to_bptt", worst)
                .metric("loss", echoLoss[epochs - 1]).metric("bptt_loss", bpttLoss[epochs - 1]).metric("messages", messages);
        report.line(String.format("springs by echoes (k₁, k₁₂, k₂) = (%.4f, %.4f, %.4f); by BPTT (%.4f, %.4f, %.4f); true (%.3g, %.3g, %.3g)",
                echo[epochs][0], echo[epochs][1], echo[epochs][2], bptt[epochs][0], bptt[epochs][1], bptt[epochs][2], truth[0], truth[1], truth[2]));
        report.line(String.format("largest difference between the two over %d epochs: %.1e; loss per sequence %.3g (echoes), %.3g (BPTT)",
                epochs, worst, echoLoss[epochs - 1], bpttLoss[epochs - 1]));
        report.plot("springs.png", chart(echo, bptt, truth));
        return report;
    }

    private static XYChart chart(double[][] echo, double[][] bptt, double[] truth) {
        XYChart c = new XYChartBuilder().width(680).height(460).title("Two masses: spring constants learned").xAxisTitle("epoch")
                .yAxisTitle("spring constant").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(0);
        String[] names = {"k₁", "k₁₂", "k₂"};
        double[] x = new double[echo.length];
        for (int e = 0; e < x.length; e++) x[e] = e;
        for (int k = 0; k < 3; k++) {
            int kk = k;
            XYSeries a = c.addSeries(names[k] + " echoes", x, java.util.Arrays.stream(echo).mapToDouble(v -> v[kk]).toArray());
            a.setMarker(SeriesMarkers.NONE).setLineWidth(3f);
            XYSeries b = c.addSeries(names[k] + " BPTT", x, java.util.Arrays.stream(bptt).mapToDouble(v -> v[kk]).toArray());
            b.setMarker(SeriesMarkers.NONE).setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            XYSeries t = c.addSeries(names[k] + " true", new double[]{0, x.length - 1}, new double[]{truth[k], truth[k]});
            t.setMarker(SeriesMarkers.NONE).setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{1f, 3f}, 0f));
        }
        return c;
    }
}
