package io.synaptor.scenarios;

import io.synaptor.scenarios.report.NetworkExport;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.actors.NodeLost;
import io.synaptor.actors.ProbeActor;
import io.synaptor.proto.Checkpoint;
import io.synaptor.proto.EpochMetrics;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PersistentStates;
import io.synaptor.network.PhaseSchedule;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains a net (layered, or any graph of populations) on a labelled set with the actors and measures it, epoch by epoch: the
 * shared body of the classification scenarios. Training accuracy and loss come from the free
 * phase of each training episode (the prediction made just before learning from it, as in
 * Scellier &amp; Bengio's code); test figures from the evaluation episodes after each epoch.
 */
final class Classification {
    private Classification() {
    }

    static final List<String> COLUMNS = List.of("epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
            "relaxation_residual_max", "unconverged_fraction");

    /** A trained network and its report, for scenario-specific additions (plots). */
    record Outcome(NetworkSpec trained, RunResult result, Report report) {
    }

    /** Trains the layered net of network.layers. */
    static Outcome run(String scenario, Settings s, long seed, Progress progress, LabeledData train, LabeledData test) {
        return run(scenario, s, seed, progress, Common.layeredNet(s, seed, train.x()[0].length, train.y()[0].length, scenario), train, test);
    }

    /** Trains {@code net}, whose input and output units take the data's inputs and targets in order. */
    static Outcome run(String scenario, Settings s, long seed, Progress progress, NetworkSpec net, LabeledData train, LabeledData test) {
        int epochs = s.getInt("training.epochs");
        int batch = s.getInt("training.batch");
        if (batch > train.size()) {
            throw new BadInput("training.batch (" + batch + ") is larger than the training set (" + train.size() + ")");
        }
        boolean chunked = s.getBoolean("training.checkpoint") || s.resume() != null;
        if (s.resume() != null && s.getBoolean("units.persistent")) {
            throw new BadInput("units.persistent cannot resume: the persistent free states are not in the checkpoint (run without --resume, or without units.persistent)");
        }
        // One bank for the whole run: with checkpoints, each epoch's simulation finds the states the last one left.
        PersistentStates.Bank persistent = s.getBoolean("units.persistent") ? new PersistentStates.Bank() : null;
        EpochTable table = new EpochTable(epochs);
        RelaxationCheck.Epochs relaxation = new RelaxationCheck.Epochs(epochs);
        RunResult result;
        long messages;
        Map<String, Long> kinds;
        if (!chunked) {
            PhaseSchedule schedule = schedule(s, seed, epochs, 0, train, test);
            SimulationSpec spec = spec(s, seed, net, schedule, train, test, persistent);
            EpochTable live = new EpochTable(epochs);
            long perEpoch = schedule.episodes() / epochs;
            progress.start(scenario, schedule.episodes());
            try {
                result = Common.simulate(spec, s, r -> {
                    progress.step();
                    live.add(r);
                    if (r.episode() % perEpoch == perEpoch - 1) progress.line(live.describe(r.epoch()), live.brief(r.epoch()));
                });
            } finally {
                progress.close();
            }
            result.episodes().forEach(table::add);
            relaxation.add(result);
            messages = result.messages();
            kinds = byKind(result);
        } else {
            // One simulation per epoch, each from rest, with the weights the last one left and a
            // checkpoint every few epochs: a resumed run is the same computation as an uninterrupted
            // one, and so is a cluster run that lost a node and went back to its last checkpoint.
            int first = 0;
            long steps = 0; // the virtual clock at the start of the next epoch
            if (s.resume() != null) {
                Checkpoint c = s.resume();
                if (c.getWeightsCount() != net.couplings().size() || c.getBiasesCount() != net.size()) {
                    throw new BadInput("the checkpoint's parameters do not fit this network");
                }
                if (c.getEpochsDone() >= epochs) {
                    throw new BadInput("the checkpoint has " + c.getEpochsDone() + " epochs done; set training.epochs beyond that to go on");
                }
                first = c.getEpochsDone();
                steps = c.getVirtualSteps();
                net = net.withParameters(c.getWeightsList().stream().mapToDouble(Double::doubleValue).toArray(),
                        c.getBiasesList().stream().mapToDouble(Double::doubleValue).toArray());
                for (int e = 0; e < first; e++) {
                    table.restore(e, c.getEpochs(e));
                    relaxation.restore(e, c.getEpochs(e));
                }
            }
            int every = s.getInt("training.checkpoint-every");
            int saved = s.resume() != null ? first : -1; // epochs done at the last checkpoint; -1: none yet
            NetworkSpec savedNet = net;
            long savedSteps = steps;
            long[] epochMessages = new long[epochs];
            List<Map<String, Long>> epochKinds = new java.util.ArrayList<>(java.util.Collections.nCopies(epochs, Map.<String, Long>of()));
            PhaseSchedule probeSchedule = schedule(s, seed, 1, 0, train, test);
            progress.start(scenario, probeSchedule.episodes() * (epochs - first));
            result = null;
            try {
                for (int epoch = first; epoch < epochs; ) {
                    long epochSeed = RandomStreams.mix(seed, RandomStreams.Kind.EPOCH, epoch);
                    PhaseSchedule schedule = schedule(s, seed, 1, epoch, train, test);
                    try {
                        result = Common.simulate(spec(s, epochSeed, net, schedule, train, test, persistent), s, r -> progress.step());
                    } catch (RunFailed f) {
                        if (!(f.getCause() instanceof NodeLost lost)) throw f;
                        if (saved < 0) {
                            throw new RunFailed(lost.getMessage() + "; no checkpoint exists yet to restart from (the first is written after epoch "
                                    + Math.min(every, epochs) + ")", lost);
                        }
                        progress.line(lost.getMessage() + "; restarting from the checkpoint after epoch " + saved, "restarting from epoch " + saved);
                        for (int e = saved; e <= epoch; e++) {
                            table.clear(e);
                            relaxation.clear(e);
                        }
                        epoch = saved;
                        net = savedNet;
                        steps = savedSteps;
                        continue;
                    }
                    result.episodes().forEach(table::add);
                    relaxation.add(result);
                    progress.line(table.describe(epoch), table.brief(epoch));
                    epochMessages[epoch] = result.messages();
                    epochKinds.set(epoch, byKind(result));
                    net = net.withParameters(result.weights(), result.biases());
                    steps += schedule.endTime();
                    epoch++;
                    if (epoch % every == 0 || epoch == epochs) {
                        writeCheckpoint(s, scenario, seed, epoch, steps, net, table, relaxation);
                        saved = epoch;
                        savedNet = net;
                        savedSteps = steps;
                    }
                }
            } finally {
                progress.close();
            }
            messages = java.util.Arrays.stream(epochMessages).sum();
            kinds = new LinkedHashMap<>();
            for (Map<String, Long> k : epochKinds) k.forEach((key, v) -> kinds.merge(key, v, Long::sum));
        }

        Report report = new Report(COLUMNS);
        for (int e = 0; e < epochs; e++) {
            report.row(e + 1, table.trainLoss(e), table.trainAccuracy(e), table.testLoss(e), table.testAccuracy(e),
                    relaxation.max(e), relaxation.unconvergedFraction(e));
        }
        int last = epochs - 1;
        report.metric("train_accuracy", table.trainAccuracy(last))
                .metric("test_accuracy", table.testAccuracy(last))
                .metric("test_accuracy_last5_mean", table.meanTestAccuracy(Math.max(0, epochs - 5), epochs))
                .metric("final_loss", table.testLoss(last))
                .metric("train_loss", table.trainLoss(last))
                .metric("best_test_accuracy", java.util.stream.IntStream.range(0, epochs).mapToDouble(table::testAccuracy).max().orElse(Double.NaN))
                .metric("epochs", epochs)
                .metric("messages", messages)
                .metric("messages_by_kind", kinds);
        relaxation.report(report);
        report.plot("accuracy.png", curves("Accuracy per epoch", "accuracy", epochs,
                table::trainAccuracy, table::testAccuracy));
        report.plot("confusion.png", confusion(result, epochs - 1, train.y()[0].length));
        report.plot("loss.png", curves("Loss per epoch (C = ½‖s_out − y‖², mean per example)", "loss", epochs,
                table::trainLoss, table::testLoss));
        report.line(String.format("train accuracy %.4f, test accuracy %.4f (mean of the last %d epochs %.4f), test loss %.5f after %d epochs (%,d messages)",
                table.trainAccuracy(last), table.testAccuracy(last), Math.min(5, epochs), table.meanTestAccuracy(Math.max(0, epochs - 5), epochs),
                table.testLoss(last), epochs, messages));
        return new Outcome(net.withParameters(result.weights(), result.biases()), result, report);
    }

    private static PhaseSchedule schedule(Settings s, long seed, int epochs, int firstEpoch, LabeledData train, LabeledData test) {
        return new PhaseSchedule(s.getInt("training.batch"), s.getInt("time.free-steps"), s.getInt("time.nudge-steps"),
                s.getDouble("learning.beta"), s.getBoolean("learning.random-sign"), seed, epochs, train.size(), test.size(),
                Common.nudgeShape(s), firstEpoch);
    }

    private static SimulationSpec spec(Settings s, long seed, NetworkSpec net, PhaseSchedule schedule, LabeledData train,
                                       LabeledData test, PersistentStates.Bank persistent) {
        return SimulationSpec.builder(net, schedule, train, test).rule(s.getString("learning.rule"))
                .rate(s.getDouble("learning.rate")).reset(s.getBoolean("units.reset")).seed(seed)
                .window(s.getInt("runtime.window")).timing(Common.timing(s, seed, net)).blockSize(Common.blockSize(s))
                .rates(Common.learningRates(s, net)).persistent(persistent).optimizer(Common.optimizer(s)).build();
    }

    /** checkpoint.pb in the output directory, replaced atomically; {@code steps}: the virtual clock. */
    private static void writeCheckpoint(Settings s, String scenario, long seed, int epochsDone, long steps, NetworkSpec net, EpochTable table,
                                        RelaxationCheck.Epochs relaxation) {
        Path file = s.outputFile("checkpoint.pb");
        if (file == null) return;
        Checkpoint.Builder c = Checkpoint.newBuilder().setScenario(scenario).setSeed(seed).setEpochsDone(epochsDone)
                .setVirtualSteps(steps).setSettings(s.render());
        for (double w : net.weights()) c.addWeights(w);
        for (double b : net.biases()) c.addBiases(b);
        for (int e = 0; e < epochsDone; e++) {
            EpochMetrics.Builder m = EpochMetrics.newBuilder().setTrainLoss(table.trainLoss(e)).setTrainAccuracy(table.trainAccuracy(e))
                    .setTestLoss(table.testLoss(e)).setTestAccuracy(table.testAccuracy(e));
            relaxation.save(e, m);
            c.addEpochs(m);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("checkpoint.pb.tmp");
            Files.write(tmp, c.build().toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunFailed("could not write the checkpoint " + file + ": " + e.getMessage(), e);
        }
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
        XYChart chart = new XYChartBuilder().width(680).height(420).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
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

        private final double[][] restoredAccuracy;

        EpochTable(int epochs) {
            restoredAccuracy = new double[2][epochs];
            for (double[] r : restoredAccuracy) java.util.Arrays.fill(r, Double.NaN);
            loss = new double[2][epochs];
            correct = new long[2][epochs];
            count = new long[2][epochs];
        }

        /** Adds one episode's loss and correct answers. */
        synchronized void add(ProbeActor.EpisodeResult r) {
            int k = r.training() ? 0 : 1;
            loss[k][r.epoch()] += r.lossSum();
            correct[k][r.epoch()] += r.correct();
            count[k][r.epoch()] += r.count();
        }

        /** Forgets an epoch (a node was lost and the run goes back to a checkpoint before it). */
        synchronized void clear(int e) {
            for (int k = 0; k < 2; k++) {
                loss[k][e] = 0;
                correct[k][e] = 0;
                count[k][e] = 0;
                restoredAccuracy[k][e] = Double.NaN;
            }
        }

        /** An epoch done before a resume: its figures from the checkpoint (counts of 1, so the ratios stand). */
        synchronized void restore(int e, EpochMetrics m) {
            loss[0][e] = m.getTrainLoss();
            correct[0][e] = 0;
            count[0][e] = 1;
            loss[1][e] = m.getTestLoss();
            count[1][e] = 1;
            restoredAccuracy[0][e] = m.getTrainAccuracy();
            restoredAccuracy[1][e] = m.getTestAccuracy();
        }

        double trainLoss(int e) {
            return loss[0][e] / count[0][e];
        }

        double trainAccuracy(int e) {
            return Double.isNaN(restoredAccuracy[0][e]) ? (double) correct[0][e] / count[0][e] : restoredAccuracy[0][e];
        }

        double testLoss(int e) {
            return loss[1][e] / count[1][e];
        }

        double testAccuracy(int e) {
            return Double.isNaN(restoredAccuracy[1][e]) ? (double) correct[1][e] / count[1][e] : restoredAccuracy[1][e];
        }

        /** The mean test accuracy of epochs from … to − 1: the figure of a run whose last epochs still move. */
        double meanTestAccuracy(int from, int to) {
            return IntStream.range(from, to).mapToDouble(this::testAccuracy).average().orElse(Double.NaN);
        }

        synchronized String brief(int e) {
            return String.format("epoch %d test acc %.3f", e + 1, testAccuracy(e));
        }

        synchronized String describe(int e) {
            return String.format("epoch %d: train accuracy %.3f loss %.4f | test accuracy %.3f loss %.4f",
                    e + 1, trainAccuracy(e), trainLoss(e), testAccuracy(e), testLoss(e));
        }
    }

    /** A classification scenario's trained net, as network.json/.npz in its report; returns the report. */
    static Report exportTrained(Outcome out, String scenario) {
        return exportTrained(out, "network", scenario);
    }

    static Report exportTrained(Outcome out, String name, String scenario) {
        NetworkExport.attach(out.report(), name, scenario, out.trained(), java.util.Map.of("parameters", "trained: after the last epoch's learning"));
        return out.report();
    }
}
