package io.synaptor.scenarios;

import io.synaptor.actors.EchoRun;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.EchoReference;
import io.synaptor.network.ExampleOrder;
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
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sequence problem learned by Hamiltonian echo learning on the actors (seed 002; Pourcel &amp; Ernoult
 * 2025, RHEL): noisy sinusoids classified by frequency by a recurrent net of second-order units, against
 * the same net from the same start trained by BPTT in the dense reference on the same minibatches with
 * the same optimizer. Both are scored on the same held-out sequences after every epoch.
 */
public final class SequenceTaskScenario implements Scenario {
    /** Twelve units (three outputs), dt = 0.2, T = 60 (12 time units: 2 … 4 periods of the drives). */
    static final EchoSetup.Defaults DEFAULTS = new EchoSetup.Defaults(12, 3, 60, 0.2, 0.5, 0.5, 1.0, 1e-3);

    @Override
    public String name() {
        return "sequence-task";
    }

    @Override
    public String summary() {
        return "seed 002: noisy sinusoids classified by frequency, learned by echoes on the actors vs BPTT in the reference";
    }

    @Override
    public String description() {
        return """
                Each sequence is u_t = sin(ω_c·t·dt + φ) + σ·ξ_t (class c uniform over task.frequencies, phase φ uniform,
                σ = task.noise, white noise); the outputs' positions should sit at the one-hot code of c over the last
                task.window steps (the loss), and the class read off is the output with the largest mean position there.
                The actors train a recurrent net of echo.units second-order units (echo.outputs of them the outputs) by
                Hamiltonian echo learning — per minibatch a forward pass and two echoes, each coupling, input link and
                bias learning from what it saw at its ends — while the dense reference trains the same net from the same
                start by BPTT on the same minibatches with the same optimizer (Adam by default). Both are scored on the
                same held-out sequences after each epoch (the actors' parameters through the reference's forward pass).
                A control trains by BPTT again with every gradient entry off by a relative task.control-noise·N(0, 1) — an
                error of the echoes' size in random directions: training a recurrent net can carry so small a difference to
                a different end, which sets the scale of any comparison between two runs.
                Summary: test_accuracy, bptt_test_accuracy, control_test_accuracy (each the mean over the last 5 epochs),
                gap (BPTT minus echoes, percentage points), control_gap (|BPTT − control|), *_final (last epoch),
                train_loss, bptt_train_loss (last epoch, mean per sequence), *_by_epoch, echo_rel_error_start and
                echo_rel_error_end (the echoes' gradient against BPTT's on one minibatch at the first and the last
                parameters), virtual_time, messages.
                Plots: accuracy.png (held-out accuracy per epoch, all three), loss.png (training loss).""";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(EchoSetup.settings(DEFAULTS));
        s.add(Setting.realList("task.frequencies", List.of(1.0, 1.5, 2.0), 1e-6, 1e6, "ω of each class"));
        s.add(Setting.real("task.noise", 1.0, 0.0, 1e6, "σ of the white noise added to every input step"));
        s.add(Setting.integer("task.window", 10, 1, 1_000_000, "the last steps where the outputs are scored"));
        s.add(Setting.integer("training.epochs", 20, 1, 1_000_000, "passes over the training set"));
        s.add(Setting.integer("training.batch", 20, 1, 100_000, "sequences per minibatch (one vector entry each in every message); each epoch's shuffle leaves out its last train-size mod batch"));
        s.add(Setting.integer("training.train-size", 600, 1, 10_000_000, "training sequences"));
        s.add(Setting.integer("training.test-size", 600, 1, 10_000_000, "held-out sequences"));
        s.add(Setting.real("task.control-noise", 1e-5, 0.0, 1.0,
                "σ of the control: BPTT with each gradient entry off by a relative σ·N(0, 1) (1e-5: the echoes' error at ε = 1e-3)"));
        s.add(Setting.real("learning.rate", 0.01, 0.0, 1000.0, "η"));
        s.add(Setting.choice("learning.optimizer", "adam", Optimizer.NAMES, "sgd: −η·ĝ per minibatch; adam: per-parameter moments (both sides)"));
        return s;
    }

    @Override
    public boolean runsOnCluster() {
        return false; // the common actors, wired in one JVM by EchoRun
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        int steps = s.getInt("time.steps");
        int window = s.getInt("task.window");
        double[] omegas = s.getRealList("task.frequencies");
        if (window > steps) throw new BadInput("task.window (" + window + ") must not exceed time.steps (" + steps + ")");
        if (s.getInt("echo.outputs") != omegas.length) {
            throw new BadInput("echo.outputs (" + s.getInt("echo.outputs") + ") must equal the number of task.frequencies (" + omegas.length + "): one output per class");
        }
        int trainSize = s.getInt("training.train-size");
        int batch = s.getInt("training.batch");
        if (batch > trainSize) throw new BadInput("training.batch (" + batch + ") must not exceed training.train-size (" + trainSize + ")");
        int epochs = s.getInt("training.epochs");
        double dt = s.getDouble("time.dt");
        double noise = s.getDouble("task.noise");
        Sequences train = SequenceTasks.noisySinusoids(trainSize, steps, dt, omegas, noise, window, 1.0, RandomStreams.stream(seed, RandomStreams.Kind.DATA, 0));
        Sequences test = SequenceTasks.noisySinusoids(s.getInt("training.test-size"), steps, dt, omegas, noise, window, 1.0,
                RandomStreams.stream(seed, RandomStreams.Kind.DATA, 1));
        EchoNetwork.Built built = EchoSetup.net(s, 1, seed);
        EchoNetwork net = built.net();
        EchoReference ref = new EchoReference(net);
        Engine engine = EchoSetup.engine(s, seed, net);
        double rate = s.getDouble("learning.rate");
        Optimizer optimizer = Optimizer.of(s.getString("learning.optimizer"), 1.0);
        double epsilon = EchoSetup.learningEpsilon(s);
        int perEpoch = trainSize / batch;
        SplittableRandom order = RandomStreams.stream(seed, RandomStreams.Kind.EPOCH, 0);
        int[][][] epochBatches = new int[epochs][perEpoch][];
        for (int e = 0; e < epochs; e++) {
            int[] p = ExampleOrder.permutation(trainSize, order);
            for (int k = 0; k < perEpoch; k++) epochBatches[e][k] = Arrays.copyOfRange(p, k * batch, (k + 1) * batch);
        }

        Report report = new Report(List.of("epoch", "method", "train_loss", "test_accuracy"));
        double[] echoAcc = new double[epochs], echoLoss = new double[epochs], bpttAcc = new double[epochs], bpttLoss = new double[epochs];
        double[] controlAcc = new double[epochs];
        long messages = 0;
        EchoProgram program = EchoSetup.program(s, engine, perEpoch, epsilon, EchoSetup.form(s));
        EchoNetwork.Parameters p = built.init();
        progress.start(name(), (long) epochs * perEpoch * 3);
        long wallEcho = 0, wallBptt = 0;
        try {
            ProgressListener tick = new ProgressListener() {
                @Override
                public void episode(ProbeActor.EpisodeResult r) {
                    if (r.episode() % net.outputs().length == 0) progress.step();
                }
            };
            for (int e = 0; e < epochs; e++) { // one run per epoch: Adam's moments restart each epoch, so it is one run cut at its epochs
                long t0 = System.nanoTime();
                EchoRun.Outcome o = EchoSetup.run(net, p, program, train, epochBatches[e], perEpoch, rate, optimizer, engine, tick);
                wallEcho += System.nanoTime() - t0;
                p = o.parameters();
                if (!p.isFinite()) throw new RunFailed("the echo-trained parameters left the finite numbers in epoch " + (e + 1) + "; try a smaller learning.rate", null);
                messages += o.messages();
                echoLoss[e] = o.losses().stream().mapToDouble(Double::doubleValue).sum() / (perEpoch * (double) batch);
                echoAcc[e] = ref.accuracy(p, test);
                report.row(e + 1, "echo", echoLoss[e], echoAcc[e]);
                progress.line(String.format("epoch %d: echoes on the actors: train loss %.4f, test accuracy %.3f", e + 1, echoLoss[e], echoAcc[e]), null);
            }
            long t0 = System.nanoTime();
            int[][] all = Arrays.stream(epochBatches).flatMap(Arrays::stream).toArray(int[][]::new);
            ref.train(built.init(), train, all, perEpoch, rate, optimizer, ref::bptt, (q, e) -> {
                bpttLoss[e] = meanLoss(ref, q, train, epochBatches[e]);
                bpttAcc[e] = ref.accuracy(q, test);
                for (int k = 0; k < perEpoch; k++) progress.step();
            });
            wallBptt = System.nanoTime() - t0;
            // the control: BPTT with every gradient entry off by a relative σ·N(0, 1), σ = task.control-noise — an error of the
            // echoes' size in random directions: how far training alone carries differences that small
            double sigma = s.getDouble("task.control-noise");
            SplittableRandom noiseDraws = RandomStreams.stream(seed, RandomStreams.Kind.INIT, 1);
            ref.train(built.init(), train, all, perEpoch, rate, optimizer, (q, d, ex) -> {
                EchoNetwork.Parameters g = ref.bptt(q, d, ex);
                double[] flat = g.flat();
                for (int k = 0; k < flat.length; k++) g.add(k, sigma * flat[k] * noiseDraws.nextGaussian());
                return g;
            }, (q, e) -> {
                controlAcc[e] = ref.accuracy(q, test);
                for (int k = 0; k < perEpoch; k++) progress.step();
            });
        } finally {
            progress.close();
        }
        for (int e = 0; e < epochs; e++) report.row(e + 1, "bptt", bpttLoss[e], bpttAcc[e]);
        for (int e = 0; e < epochs; e++) report.row(e + 1, "bptt_control", Double.NaN, controlAcc[e]);
        double echo = lastMean(echoAcc), bptt = lastMean(bpttAcc), control = lastMean(controlAcc);
        double gap = Math.round(1000 * (bptt - echo)) / 10.0 + 0.0; // percentage points, to one decimal (+ 0.0: never "−0.0")
        report.metric("test_accuracy", echo).metric("bptt_test_accuracy", bptt).metric("gap", gap)
                .metric("control_test_accuracy", control).metric("control_gap", 100 * Math.abs(bptt - control))
                .metric("test_accuracy_final", echoAcc[epochs - 1]).metric("bptt_test_accuracy_final", bpttAcc[epochs - 1])
                .metric("train_loss", echoLoss[epochs - 1]).metric("bptt_train_loss", bpttLoss[epochs - 1])
                .metric("test_accuracy_by_epoch", NetworkExport.boxed(echoAcc)).metric("bptt_test_accuracy_by_epoch", NetworkExport.boxed(bpttAcc))
                .metric("control_test_accuracy_by_epoch", NetworkExport.boxed(controlAcc))
                .metric("virtual_time", epochs * program.endTime()).metric("messages", messages);
        // how good the echoes' gradient is where training started and where it ended (first minibatch): ε small enough for the net it became?
        EchoProgram one = new EchoProgram(steps, 1, 1, epsilon, program.form());
        double[] errors = new double[2];
        EchoNetwork.Parameters[] at = {built.init(), p};
        for (int k = 0; k < 2; k++) {
            errors[k] = GradientStats.relativeError(ref.echoGradient(at[k], train, epochBatches[0][0], one).flat(),
                    ref.bptt(at[k], train, epochBatches[0][0]).flat());
        }
        report.metric("echo_rel_error_start", errors[0]).metric("echo_rel_error_end", errors[1]);
        report.line(String.format("the echoes' gradient against BPTT's on one minibatch: relative error %.1e at the start, %.1e at the end", errors[0], errors[1]));
        int last = Math.min(AVERAGED, epochs);
        report.line(String.format("held-out accuracy (mean of the last %d epochs): echoes on the actors %.3f, BPTT in the reference %.3f (gap %.1f points)",
                last, echo, bptt, gap));
        report.line(String.format("control: BPTT with gradients off by a relative %.0e reaches %.3f (%.1f points from BPTT): what training makes of a tiny difference",
                s.getDouble("task.control-noise"), control, 100 * Math.abs(bptt - control)));
        report.line(String.format("wall time: %.1f s on the actors (%,d messages), %.1f s for BPTT in the reference (one thread)", wallEcho / 1e9,
                messages, wallBptt / 1e9));
        double[] x = new double[epochs];
        for (int e = 0; e < epochs; e++) x[e] = e + 1;
        XYChart accuracy = chart("Held-out accuracy", "test accuracy", x, echoAcc, bpttAcc);
        accuracy.addSeries("BPTT, gradients off by a relative " + s.getDouble("task.control-noise"), x, controlAcc);
        report.plot("accuracy.png", accuracy);
        report.plot("loss.png", chart("Training loss", "loss per sequence", x, echoLoss, bpttLoss));
        return report;
    }

    /** Epochs the headline accuracies average: held-out accuracy moves by a point or two from one epoch to the next. */
    static final int AVERAGED = 5;

    /** The mean of the last {@link #AVERAGED} values. */
    private static double lastMean(double[] v) {
        int n = Math.min(AVERAGED, v.length);
        double sum = 0;
        for (int k = v.length - n; k < v.length; k++) sum += v[k];
        return sum / n;
    }

    /** The mean loss per sequence of the epoch's minibatches under q (BPTT's epoch-end parameters; the echoes' figure is measured during the epoch). */
    private static double meanLoss(EchoReference ref, EchoNetwork.Parameters q, Sequences data, int[][] batches) {
        double sum = 0;
        int n = 0;
        for (int[] b : batches) {
            sum += ref.loss(q, data, b);
            n += b.length;
        }
        return sum / n;
    }

    private static XYChart chart(String title, String y, double[] x, double[] echo, double[] bptt) {
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch").yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.addSeries("echoes (RHEL) on the actors", x, echo);
        c.addSeries("BPTT (dense reference)", x, bptt);
        return c;
    }
}
