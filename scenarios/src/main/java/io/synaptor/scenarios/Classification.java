package io.synaptor.scenarios;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Trains a layered net on a labelled set with the actors and measures it, epoch by epoch: the
 * shared body of the classification scenarios. Training accuracy and loss come from the free
 * phase of each training episode (the prediction made just before learning from it, as in
 * Scellier &amp; Bengio's code); test figures from the evaluation episodes after each epoch.
 */
final class Classification {
    private Classification() {
    }

    static final List<String> COLUMNS = List.of("epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy");

    /** A trained network and its report, for scenario-specific additions (plots). */
    record Outcome(NetworkSpec trained, RunResult result, Report report) {
    }

    static Outcome run(String scenario, Settings s, long seed, Progress progress, LabeledData train, LabeledData test) {
        NetworkSpec net = Common.layeredNet(s, seed, train.x()[0].length, train.y()[0].length, scenario);
        int epochs = s.getInt("training.epochs");
        int batch = s.getInt("training.batch");
        if (batch > train.size()) {
            throw new BadInput("training.batch (" + batch + ") is larger than the training set (" + train.size() + ")");
        }
        PhaseSchedule schedule = new PhaseSchedule(batch, s.getInt("time.free-steps"), s.getInt("time.nudge-steps"),
                s.getDouble("learning.beta"), s.getBoolean("learning.random-sign"), seed, epochs, train.size(), test.size(),
                Common.nudgeShape(s));
        SimulationSpec spec = new SimulationSpec(net, schedule, s.getString("learning.rule"), s.getDouble("learning.rate"),
                train, test, s.getBoolean("units.reset"), seed, s.getInt("runtime.window"), Common.timing(s, seed, net), Common.blockSize(s), Common.projectionRates(s));

        EpochTable live = new EpochTable(epochs);
        long perEpoch = schedule.episodes() / epochs;
        progress.start(scenario, schedule.episodes());
        RunResult result;
        try {
            result = Common.simulate(spec, s, r -> {
                progress.step();
                if (live.add(r) && r.episode() % perEpoch == perEpoch - 1) progress.line(live.describe(r.epoch()), live.brief(r.epoch()));
            });
        } finally {
            progress.close();
        }

        EpochTable table = new EpochTable(epochs);
        result.episodes().forEach(table::add);
        Report report = new Report(COLUMNS);
        for (int e = 0; e < epochs; e++) {
            report.row(e + 1, table.trainLoss(e), table.trainAccuracy(e), table.testLoss(e), table.testAccuracy(e));
        }
        int last = epochs - 1;
        report.metric("train_accuracy", table.trainAccuracy(last))
                .metric("test_accuracy", table.testAccuracy(last))
                .metric("final_loss", table.testLoss(last))
                .metric("train_loss", table.trainLoss(last))
                .metric("best_test_accuracy", java.util.stream.IntStream.range(0, epochs).mapToDouble(table::testAccuracy).max().orElse(Double.NaN))
                .metric("epochs", epochs)
                .metric("messages", result.messages())
                .metric("messages_by_kind", byKind(result));
        report.plot("accuracy.png", curves("Accuracy per epoch", "accuracy", epochs,
                table::trainAccuracy, table::testAccuracy));
        report.plot("confusion.png", confusion(result, epochs - 1, train.y()[0].length));
        report.plot("loss.png", curves("Loss per epoch (C = ½‖s_out − y‖², mean per example)", "loss", epochs,
                table::trainLoss, table::testLoss));
        report.line(String.format("train accuracy %.4f, test accuracy %.4f, test loss %.5f after %d epochs (%,d messages)",
                table.trainAccuracy(last), table.testAccuracy(last), table.testLoss(last), epochs, result.messages()));
        return new Outcome(net.withParameters(result.weights(), result.biases()), result, report);
    }

    /** Messages sent, by protocol kind (state, state_clock, drive, drive_clock, clamp, target). */
    static java.util.Map<String, Long> byKind(RunResult result) {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        result.sent().forEach((k, v) -> m.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        return m;
    }

    /** The last epoch's test predictions against the labels, as counts (rows: true class). */
    private static HeatMapChart confusion(RunResult result, int epoch, int classes) {
        int[][] counts = new int[classes][classes];
        for (ProbeActor.EpisodeResult r : result.episodes()) {
            if (r.training() || r.epoch() != epoch) continue;
            for (int k = 0; k < r.count(); k++) counts[r.labels()[k]][r.predicted()[k]]++;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(520)
                .title("Confusion matrix, last epoch's test set").xAxisTitle("predicted").yAxisTitle("true class").build();
        List<Integer> axis = IntStream.range(0, classes).boxed().toList();
        List<Number[]> cells = new java.util.ArrayList<>();
        for (int t = 0; t < classes; t++) for (int p = 0; p < classes; p++) cells.add(new Number[]{p, t, counts[t][p]});
        chart.addSeries("count", axis, axis, cells);
        chart.getStyler().setShowValue(true);
        return chart;
    }

    private static XYChart curves(String title, String yLabel, int epochs,
                                  java.util.function.IntToDoubleFunction train, java.util.function.IntToDoubleFunction test) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
        double[] x = IntStream.rangeClosed(1, epochs).asDoubleStream().toArray();
        chart.addSeries("train", x, IntStream.range(0, epochs).mapToDouble(train).toArray());
        chart.addSeries("test", x, IntStream.range(0, epochs).mapToDouble(test).toArray());
        return chart;
    }

    /** Per-epoch sums of loss and correct answers, over training and test episodes. */
    static final class EpochTable {
        private final double[][] loss;
        private final long[][] correct;
        private final long[][] count;

        EpochTable(int epochs) {
            loss = new double[2][epochs];
            correct = new long[2][epochs];
            count = new long[2][epochs];
        }

        /** Adds one episode; true if it was the last of its epoch's kind seen so far (callers print then). */
        synchronized boolean add(ProbeActor.EpisodeResult r) {
            int k = r.training() ? 0 : 1;
            loss[k][r.epoch()] += r.lossSum();
            correct[k][r.epoch()] += r.correct();
            count[k][r.epoch()] += r.count();
            return true;
        }

        double trainLoss(int e) {
            return loss[0][e] / count[0][e];
        }

        double trainAccuracy(int e) {
            return (double) correct[0][e] / count[0][e];
        }

        double testLoss(int e) {
            return loss[1][e] / count[1][e];
        }

        double testAccuracy(int e) {
            return (double) correct[1][e] / count[1][e];
        }

        synchronized String brief(int e) {
            return String.format("epoch %d test acc %.3f", e + 1, testAccuracy(e));
        }

        synchronized String describe(int e) {
            return String.format("epoch %d: train accuracy %.3f loss %.4f | test accuracy %.3f loss %.4f",
                    e + 1, trainAccuracy(e), trainLoss(e), testAccuracy(e), testLoss(e));
        }
    }
}
