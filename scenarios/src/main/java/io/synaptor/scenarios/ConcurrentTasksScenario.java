package io.synaptor.scenarios;

import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.BatchedRelaxation;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.SynchronousSimulation;
import io.synaptor.neurons.Activation;
import io.synaptor.scenarios.data.DataSets;
import io.synaptor.scenarios.data.MnistTasks;
import io.synaptor.scenarios.data.MnistTasks.Task;
import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.FrequencyPlan;
import io.synaptor.synapses.NudgeShape;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Many conditional-generation tasks learned at once in one substrate (seed 003's hypothesis;
 * docs/scenarios.md#concurrent-tasks): MNIST digits on 10×10, four tasks — classify, complete the lower half,
 * denoise, generate from the label — each with its own input units (its condition) and output units (its
 * target) around one shared hidden layer, each nudging its outputs at its own frequency and each synapse
 * demodulating per task ({@link io.synaptor.synapses.MultiplexedEP}). The same substrate learns the tasks alone,
 * K at once, and one after another; each is scored on held-out digits.
 */
public final class ConcurrentTasksScenario implements Scenario {
    // dt 0.25: at 0.5 the trained nets' relaxation oscillated (explicit Euler past dt·λ_max = 2; residuals up to 8);
    // T1 = 80: the free phase settled to its tolerance (docs/scenarios.md#concurrent-tasks)
    private static final Common.Defaults DEFAULTS = new Common.Defaults(List.of(2, 2), 80, 8, 0.2, false, 0.003, 3, 20, 0.25);

    /** The common settings the scenario fixes itself. */
    private static final Set<String> FIXED = Set.of("network.layers", "learning.rule", "learning.random-sign", "learning.rates", "network.projection-delays");

    @Override
    public String name() {
        return "concurrent-tasks";
    }

    @Override
    public String summary() {
        return "seed 003: MNIST classification, completion, denoising and generation learned at once in one substrate, each task at its own nudge frequency";
    }

    @Override
    public String description() {
        return """
                MNIST digits on 10×10 (ink in [0, 1]; `synaptor data install mnist`). Tasks (tasks.list): classify (label
                from image), complete (lower half from upper half), denoise (image from image + N(0, tasks.noise²)),
                generate (image from label); each has its own input units (its condition) and output units (its
                target) around one hidden layer of tasks.hidden units: a share tasks.shared of them couples to every
                task, the rest is split into one place per task, coupled to that task's units only. Task k nudges its
                outputs with β·cos 2πm_kτ/W (multiplex.form = real; complex: β·e^{2πi m_kτ/W}), W = multiplex.points
                phases of T2 steps after the free phase of T1 and multiplex.warmup phases of the same nudges that no
                demodulator reads; each synapse keeps one demodulator per task, through a Hann window by default
                (multiplex.window; harmonics m_k = 2K + 1 + 2k), and learns Σ λ_k ĝ_k (learning.rule = multiplexed;
                tasks.weighting). Each task draws its own digits in its own order; with tasks.stagger the tasks at once also
                change examples at their own times (each example lasts K slots, task k's starting k slots after task 0's;
                no resets, no relaxation check) and tasks.hold lets each hold its examples for its own number of
                periods; multiplex.windows shows each example for several windows, each learned from at its end. Runs:
                every task alone (only its condition present and its outputs nudged, the others free), the first K
                tasks at once for each K of tasks.counts, and the tasks one after another, each from the same initial
                substrate: alone and in turn for training.epochs epochs each, at once for
                tasks.time-at-once times as many (by default twice one alone's virtual time, half the four in turn's).
                Scores on held-out digits, from the trained net's free relaxation (T1 steps, dense): classify —
                accuracy; the others — loss ½‖s − y‖² per example on the task's outputs.
                Summary: score_alone_<task>, score_concurrent_<task> (the whole list at once), score_concurrent<K>_<task>
                for the other counts, score_sequential_<task>, gap_to_alone_<task> (accuracy: alone − concurrent, in
                percentage points; loss: concurrent/alone − 1), worst_gap_to_alone (the largest gap over its bound —
                2 points, 10 % — so ≤ 1 means every task is as good as alone), virtual_time_concurrent,
                virtual_time_sequential (steps), epochs_at_once, stagger, wall_seconds_<run>, sample_spread_<task> and
                sample_loss_<task> (the conditional samples), the relaxation check's keys over every training. Plots:
                scores.png (each task's score alone, at once and one after another); outputs_<task>.png (held-out
                outputs of the net trained on all at once); samples_<task>.png (conditional samples with Langevin noise at tasks.sample-temperature).
                metrics.csv: run, task, score.""";
    }

    @Override
    public boolean runsOnCluster() {
        return false; // multiplexed nudges run on one JVM (SpecCodec)
    }

    @Override
    public List<Setting> settings() {
        List<Setting> s = new ArrayList<>(Common.networkSettings(DEFAULTS).stream()
                .filter(x -> !FIXED.contains(x.path()) && !Common.HOLOMORPHIC_KEYS.contains(x.path()))
                .map(x -> switch (x.path()) {
                    case "network.granularity" -> Setting.choice(x.path(), "block", x.choices(), x.doc());
                    case "learning.optimizer" -> Setting.choice(x.path(), "adam", x.choices(), x.doc());
                    default -> x;
                }).toList());
        s.addAll(Common.trainingSettings(DEFAULTS.epochs(), DEFAULTS.batch(), 2000, 500));
        s.add(Setting.raw("tasks.list", MnistTasks.NAMES, "the tasks, in order (any of " + MnistTasks.NAMES + "); the first K run at once for each K of tasks.counts"));
        s.add(Setting.intValues("tasks.counts", List.of(2, 4), 1, 1000, "K: how many of the first tasks learn at once in each concurrent run"));
        s.add(Setting.integer("tasks.time-at-once", 2, 1, 1000,
                "the runs with tasks at once train for this many times training.epochs (2: the four at once in half the virtual time of the four in turn, twice one alone's)"));
        s.add(Setting.integer("tasks.hidden", 128, 1, 100_000, "units of the shared hidden layer"));
        s.add(Setting.choice("tasks.weighting", "per-output", List.of("per-output", "sum"),
                "each task's weight λ_k in the update −η Σ λ_k ĝ_k: per-output = 1/(its target units), so a 100-pixel task does not drown a 10-way label; sum = 1"));
        s.add(Setting.real("tasks.shared", 0.25, 0.0, 1.0,
                "the fraction of the hidden units every task couples to; the rest are split into one place per task of tasks.list, coupled to that task's units only (1: one fully shared layer)"));
        s.add(Setting.flag("tasks.stagger", false,
                "tasks at once change examples at their own times: each example lasts K slots of (T1 + (warm-up + W)·T2)/K steps and task k's begin at slot k, K, … later than task 0's (no resets; the free phases are not checked)"));
        s.add(Setting.intValues("tasks.hold", List.of(), 1, 1_000_000,
                "staggered (tasks.stagger): each task's example lasts R_k of its periods, learned from at each window's end — its own rate, one example per R_k periods (empty: 1 each)"));
        s.add(Setting.real("tasks.noise", 0.3, 0.0, 10.0, "denoise: the noise's standard deviation per pixel (the noisy copy is clipped to [0, 1])"));
        s.add(Setting.real("tasks.sample-temperature", 0.003, 0.0, 100.0, "Langevin temperature T of the conditional samples drawn from the net trained on all tasks at once"));
        s.add(Setting.integer("tasks.sample-steps", 200, 1, 1_000_000, "steps of the noisy relaxation that draws each conditional sample"));
        s.add(Setting.intValues("multiplex.harmonics", List.of(), 1, 100_000, "m_k, cycles per window of each task's nudge; empty: m_k = 2K + 1 + 2k under the Hann window, K + 2 + k under a flat one, for the K tasks of the list"));
        s.add(Setting.integer("multiplex.points", 32, 4, 100_000, "W: nudge phases per example; every m_k < W/2"));
        s.add(Setting.choice("multiplex.window", "hann", List.of("flat", "hann"),
                "the demodulators' window: flat, or Hann (1 − cos 2πτ/W: what does not repeat with the window leaks as 1/m³ instead of 1/m; default harmonics then 2K + 1 + 2k, W ≥ 8K)"));
        s.add(Setting.integer("multiplex.windows", 1, 1, 1000,
                "windows of W phases each example is shown for after its warm-up, each learned from at its end (staggered: fewer of the others' example changes per window)"));
        s.add(Setting.integer("multiplex.warmup", 4, 0, 100_000, "phases of the same nudges before the window that no demodulator reads: the window then sees the periodic response, not the onset from the free state"));
        s.add(Setting.choice("multiplex.form", "real", List.of("real", "complex"), "real (cosine) nudges, or complex ones on holomorphic units (exact per task, twice the arithmetic; near the holomorphic sigmoid's poles they can blow up)"));
        return s;
    }

    /** One configuration's training: which tasks are active, from which net, for how long. */
    private record Trained(NetworkSpec net, long virtualSteps, double wallSeconds, RunResult result) {
    }

    @Override
    public Report run(Settings s, long seed, Progress progress) {
        List<Task> tasks = tasks(s);
        int[] counts = s.getIntList("tasks.counts");
        for (int c : counts) if (c > tasks.size()) throw new BadInput("tasks.counts: " + c + " tasks at once, but tasks.list has " + tasks.size());
        int[] harmonics = s.getIntList("multiplex.harmonics");
        boolean hann = s.getString("multiplex.window").equals("hann");
        if (harmonics.length == 0) harmonics = hann ? FrequencyPlan.spaced(tasks.size()) : FrequencyPlan.ruleAbiding(tasks.size());
        if (harmonics.length != tasks.size()) throw new BadInput("multiplex.harmonics has " + harmonics.length + " entries for " + tasks.size() + " tasks");
        int points = s.getInt("multiplex.points");
        for (int m : harmonics) if (2 * m >= points) throw new BadInput("multiplex.points (" + points + ") must exceed twice every harmonic (" + m + ")");
        for (int a = 0; hann && a < harmonics.length; a++) {
            for (int b = a + 1; b < harmonics.length; b++) {
                if (Math.abs(harmonics[a] - harmonics[b]) < 2) throw new BadInput("multiplex.window = hann needs harmonics at least two apart, got " + harmonics[a] + " and " + harmonics[b]);
            }
        }
        if (!DataSets.installed("mnist")) throw new BadInput("concurrent-tasks needs the MNIST digits: run " + DataSets.howToInstall("mnist"));
        MnistTasks digits;
        try {
            digits = new MnistTasks(DataSets.train("mnist"));
        } catch (IOException e) {
            throw new BadInput("could not read the MNIST digits (" + e.getMessage() + "): run " + DataSets.howToInstall("mnist"));
        }
        int nTrain = s.getInt("training.train-size");
        int nTest = s.getInt("training.test-size");
        int epochs = s.getInt("training.epochs");
        int atOnceEpochs = s.getInt("tasks.time-at-once") * epochs; // the budget the tasks at once get, against one alone
        if (nTrain + nTest > digits.size()) throw new BadInput("training.train-size + training.test-size exceed the " + digits.size() + " digits");
        if (s.getInt("training.batch") > nTrain) throw new BadInput("training.batch (" + s.getInt("training.batch") + ") is larger than the training set (" + nTrain + ")");
        hold(s, tasks); // a hold the settings cannot take, too
        for (int c : counts) { // a staggering the counts cannot take is refused before anything trains
            if (c > 1 && s.getBoolean("tasks.stagger")) {
                schedule(s, seed, new FrequencyPlan(Arrays.copyOf(harmonics, c), java.util.stream.IntStream.range(0, c).toArray(), false), c, nTrain,
                        atOnceEpochs);
            }
        }

        // the substrate: every task's condition units, one hidden layer, every task's target units
        int[] inFrom = new int[tasks.size() + 1];
        int[] outFrom = new int[tasks.size() + 1];
        for (int k = 0; k < tasks.size(); k++) {
            inFrom[k + 1] = inFrom[k] + tasks.get(k).conditions;
            outFrom[k + 1] = outFrom[k] + tasks.get(k).targets;
        }
        NetworkSpec initial = LayeredNetworks.build(new int[]{inFrom[tasks.size()], s.getInt("tasks.hidden"), outFrom[tasks.size()]},
                s.getInt("network.delay"), Activation.named(s.getString("units.activation")), s.getDouble("time.dt"),
                s.getDouble("units.temperature"), RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        initial = places(initial, tasks, inFrom, outFrom, s.getDouble("tasks.shared"));
        initial = Common.drawnDelays(s, seed, initial);

        Report report = new Report(List.of("run", "task", "score"));
        Map<String, double[]> scores = new LinkedHashMap<>(); // run → score per task (NaN: not run)
        List<RunResult> runs = new ArrayList<>(); // every training, for the relaxation check
        // alone
        double[] alone = new double[tasks.size()];
        for (int k = 0; k < tasks.size(); k++) {
            boolean[] active = only(tasks.size(), k);
            Trained t = train(s, seed, initial, tasks, active, harmonics, digits, inFrom, outFrom, epochs, progress, "alone: " + tasks.get(k).key);
            runs.add(t.result());
            alone[k] = score(s, seed, t.net(), tasks, active, digits, inFrom, outFrom)[k];
            report.metric("wall_seconds_alone_" + tasks.get(k).key, t.wallSeconds());
        }
        scores.put("alone", alone);
        // at once
        long concurrentTime = 0;
        Trained all = null;
        for (int c : counts) {
            boolean[] active = new boolean[tasks.size()];
            for (int k = 0; k < c; k++) active[k] = true;
            Trained t = train(s, seed, initial, tasks, active, harmonics, digits, inFrom, outFrom, atOnceEpochs, progress, c + " at once");
            runs.add(t.result());
            double[] sc = score(s, seed, t.net(), tasks, active, digits, inFrom, outFrom);
            for (int k = c; k < tasks.size(); k++) sc[k] = Double.NaN;
            scores.put(c == tasks.size() ? "concurrent" : "concurrent" + c, sc);
            report.metric("wall_seconds_concurrent" + c, t.wallSeconds());
            if (c == tasks.size()) {
                concurrentTime = t.virtualSteps();
                all = t;
            }
        }
        // one after another, each from where the last left the substrate
        NetworkSpec net = initial;
        long sequentialTime = 0;
        double sequentialWall = 0;
        for (int k = 0; k < tasks.size(); k++) {
            Trained t = train(s, seed, net, tasks, only(tasks.size(), k), harmonics, digits, inFrom, outFrom, epochs, progress, "in turn: " + tasks.get(k).key);
            runs.add(t.result());
            net = t.net();
            sequentialTime += t.virtualSteps();
            sequentialWall += t.wallSeconds();
        }
        double[] sequential = new double[tasks.size()];
        for (int k = 0; k < tasks.size(); k++) sequential[k] = score(s, seed, net, tasks, only(tasks.size(), k), digits, inFrom, outFrom)[k];
        scores.put("sequential", sequential);
        report.metric("wall_seconds_sequential", sequentialWall);

        double worst = 0;
        for (var e : scores.entrySet()) {
            for (int k = 0; k < tasks.size(); k++) {
                if (Double.isNaN(e.getValue()[k])) continue;
                report.row(e.getKey(), tasks.get(k).key, e.getValue()[k]);
                report.metric("score_" + e.getKey() + "_" + tasks.get(k).key, e.getValue()[k]);
            }
        }
        double[] concurrent = scores.get("concurrent");
        if (concurrent != null) {
            for (int k = 0; k < tasks.size(); k++) {
                Task t = tasks.get(k);
                double gap = t.classifies() ? 100 * (alone[k] - concurrent[k]) : concurrent[k] / alone[k] - 1;
                report.metric("gap_to_alone_" + t.key, gap);
                worst = Math.max(worst, gap / (t.classifies() ? 2.0 : 0.10));
            }
            report.metric("worst_gap_to_alone", worst).metric("virtual_time_concurrent", concurrentTime);
        }
        report.metric("virtual_time_sequential", sequentialTime).metric("tasks", tasks.stream().map(t -> t.key).toList())
                .metric("harmonics", Arrays.stream(harmonics).boxed().toList()).metric("points", points)
                .metric("stagger", s.getBoolean("tasks.stagger")).metric("epochs_at_once", atOnceEpochs);
        if (s.getBoolean("tasks.stagger")) {
            report.line("tasks at once staggered: each task's examples begin at their own times, so no phase is free of every nudge and the "
                    + "relaxation check measures none of those runs (their scores come from the dense free relaxation)");
        }
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            report.line(String.format(Locale.ROOT, "%-9s %s: alone %s, at once %s, one after another %s", t.key, t.classifies() ? "accuracy" : "loss    ",
                    fmt(alone[k]), concurrent == null ? "—" : fmt(concurrent[k]), fmt(sequential[k])));
        }
        if (concurrent != null) {
            report.line(String.format(Locale.ROOT, "worst gap to alone %.2f of its bound; virtual time at once %,d steps, one after another %,d",
                    worst, concurrentTime, sequentialTime));
        }
        RelaxationCheck.report(report, runs);
        report.plot("scores.png", chart(tasks, scores));
        if (all != null) {
            outputs(report, s, seed, all.net(), tasks, digits, inFrom, outFrom);
            samples(report, s, seed, all.net(), tasks, digits, inFrom, outFrom);
        }
        return report;
    }

    /**
     * Tasks as places in one substrate (issue 21, item 1): the first round(shared·H) hidden units are every
     * task's; the others are split into consecutive places, one per task of the list, and a task's condition and
     * target units keep only their couplings to the shared units and to their own place.
     */
    public static NetworkSpec places(NetworkSpec net, List<Task> tasks, int[] inFrom, int[] outFrom, double shared) {
        int[] hidden = java.util.stream.IntStream.range(0, net.size()).filter(u -> net.layerOf()[u] == 1).toArray();
        int common = (int) Math.round(shared * hidden.length);
        if (common == hidden.length) return net;
        int own = (hidden.length - common) / tasks.size();
        if (own == 0) throw new BadInput("tasks.shared = " + shared + " leaves " + (hidden.length - common) + " hidden units for "
                + tasks.size() + " places: raise tasks.hidden or tasks.shared");
        int inputs = inFrom[tasks.size()];
        int firstOutput = inputs + hidden.length;
        int[] taskOf = new int[net.size()]; // each visible unit's task; −1 for the hidden units
        int[] placeOf = new int[net.size()]; // each hidden unit's place (−1: shared, −2: a remainder no task takes)
        java.util.Arrays.fill(taskOf, -1);
        for (int k = 0; k < tasks.size(); k++) {
            for (int u = inFrom[k]; u < inFrom[k + 1]; u++) taskOf[u] = k;
            for (int u = outFrom[k]; u < outFrom[k + 1]; u++) taskOf[firstOutput + u] = k;
        }
        for (int h = 0; h < hidden.length; h++) {
            int place = (h - common) / own;
            placeOf[hidden[h]] = h < common ? -1 : place < tasks.size() ? place : -2;
        }
        List<io.synaptor.network.Coupling> kept = new ArrayList<>();
        for (io.synaptor.network.Coupling c : net.couplings()) {
            int visible = taskOf[c.i()] >= 0 ? c.i() : c.j();
            int h = visible == c.i() ? c.j() : c.i();
            if (placeOf[h] == -1 || placeOf[h] == taskOf[visible]) kept.add(c);
        }
        return net.withCouplings(kept);
    }

    private static List<Task> tasks(Settings s) {
        Object raw = s.flat().get("tasks.list");
        if (!(raw instanceof List<?> list) || list.isEmpty()) throw new BadInput("tasks.list must be a list of tasks, any of " + MnistTasks.NAMES);
        List<Task> out = new ArrayList<>();
        for (Object o : list) {
            try {
                Task t = Task.named(String.valueOf(o));
                if (out.contains(t)) throw new BadInput("tasks.list names " + t.key + " twice");
                out.add(t);
            } catch (IllegalArgumentException e) {
                throw new BadInput("tasks.list: " + e.getMessage() + "; known: " + MnistTasks.NAMES);
            }
        }
        return out;
    }

    /** Each task's hold R_k (tasks.hold; empty: 1 each): its example lasts R_k of its periods. */
    private static int[] hold(Settings s, List<Task> tasks) {
        int[] hold = s.getIntList("tasks.hold");
        if (hold.length == 0) {
            hold = new int[tasks.size()];
            Arrays.fill(hold, 1);
        }
        if (hold.length != tasks.size()) throw new BadInput("tasks.hold has " + hold.length + " entries for " + tasks.size() + " tasks");
        boolean ones = Arrays.stream(hold).allMatch(h -> h == 1);
        if (!ones && !s.getBoolean("tasks.stagger")) {
            throw new BadInput("tasks.hold needs tasks.stagger = true: in lockstep every task changes its example at the same episode boundary");
        }
        return hold;
    }

    private static boolean[] only(int n, int k) {
        boolean[] a = new boolean[n];
        a[k] = true;
        return a;
    }

    /**
     * Examples for the active tasks, each task drawing digits from {@code pool} in its own order (stream DATA,
     * 10 + task, and 20 + task for the denoising noise; {@code set} 0 training, 1 held out): inputs and targets
     * laid out task by task, zeros where a task is not active.
     */
    private static LabeledData data(List<Task> tasks, boolean[] active, MnistTasks digits, int[] inFrom, int[] outFrom, int from, int count,
                                    long seed, int set, double noise) {
        double[][] x = new double[count][inFrom[tasks.size()]];
        double[][] y = new double[count][outFrom[tasks.size()]];
        for (int k = 0; k < tasks.size(); k++) {
            if (!active[k]) continue;
            SplittableRandom order = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 10 + 40 * set + k);
            SplittableRandom r = RandomStreams.stream(seed, RandomStreams.Kind.DATA, 20 + 40 * set + k);
            int[] perm = io.synaptor.network.ExampleOrder.permutation(count, order);
            for (int n = 0; n < count; n++) {
                double[][] ex = digits.example(tasks.get(k), from + perm[n], noise, r);
                System.arraycopy(ex[0], 0, x[n], inFrom[k], ex[0].length);
                System.arraycopy(ex[1], 0, y[n], outFrom[k], ex[1].length);
            }
        }
        return new LabeledData(x, y);
    }


    private static Trained train(Settings s, long seed, NetworkSpec net, List<Task> tasks, boolean[] active, int[] harmonics, MnistTasks digits,
                                 int[] inFrom, int[] outFrom, int epochs, Progress progress, String label) {
        int nTrain = s.getInt("training.train-size");
        LabeledData train = data(tasks, active, digits, inFrom, outFrom, 0, nTrain, seed, 0, s.getDouble("tasks.noise"));
        int slots = 0; // staggered: slots per example, one per active task
        for (boolean a : active) if (a) slots++;
        boolean stagger = slots > 1 && s.getBoolean("tasks.stagger");
        // the plan: the active tasks at their harmonics; outputs of the others relax freely (task −1)
        List<Integer> planned = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) if (active[k]) planned.add(k);
        int[] m = planned.stream().mapToInt(k -> harmonics[k]).toArray();
        int[] taskOf = new int[outFrom[tasks.size()]];
        for (int k = 0; k < tasks.size(); k++) for (int o = outFrom[k]; o < outFrom[k + 1]; o++) taskOf[o] = active[k] ? planned.indexOf(k) : -1;
        FrequencyPlan plan = new FrequencyPlan(m, taskOf, s.getString("multiplex.form").equals("complex"))
                .windowed(s.getString("multiplex.window").equals("hann"));
        if (s.getString("tasks.weighting").equals("per-output")) { // each task's loss as a mean over its outputs: λ_k = 1/|X_k|
            plan = plan.weighted(planned.stream().mapToDouble(k -> 1.0 / tasks.get(k).targets).toArray());
        }
        PhaseSchedule schedule = schedule(s, seed, plan, stagger ? slots : 1, nTrain, epochs);
        if (stagger) train = staggered(train, tasks, active, hold(s, tasks), inFrom, outFrom, slots, epochs, s.getInt("training.batch"), seed);
        SimulationSpec spec = SimulationSpec.builder(net, schedule, train, LabeledData.empty()).rule("multiplexed").rate(s.getDouble("learning.rate"))
                .reset(s.getBoolean("units.reset") && !stagger).seed(seed).window(s.getInt("runtime.window")).timing(Common.timing(s, seed, net))
                .blockSize(Common.blockSize(s)).optimizer(Common.optimizer(s)).build();
        long t0 = System.nanoTime();
        progress.start("concurrent-tasks, " + label, schedule.episodes());
        RunResult result;
        try {
            result = Common.simulate(spec, s, r -> progress.step());
        } finally {
            progress.close();
        }
        return new Trained(net.withParameters(result.weights(), result.biases()), schedule.endTime(), (System.nanoTime() - t0) / 1e9, result);
    }

    /** A training run's schedule: the plan's tasks in lockstep (slots 1) or each example over {@code slots} slots. */
    private static PhaseSchedule schedule(Settings s, long seed, FrequencyPlan plan, int slots, int nTrain, int epochs) {
        int batch = s.getInt("training.batch");
        NudgeShape shape = NudgeShape.multiplex(s.getInt("multiplex.points"), s.getInt("multiplex.warmup"), plan).repeated(s.getInt("multiplex.windows"));
        try {
            return slots == 1
                    ? new PhaseSchedule(batch, s.getInt("time.free-steps"), s.getInt("time.nudge-steps"), s.getDouble("learning.beta"),
                    false, seed, epochs, nTrain, 0, shape)
                    : new PhaseSchedule(batch, s.getInt("time.free-steps"), s.getInt("time.nudge-steps"), s.getDouble("learning.beta"),
                    false, seed, 1, epochs * slots * (nTrain / batch) * batch, 0, shape.staggered(slots));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage() + " (time.free-steps, time.nudge-steps, multiplex.warmup, multiplex.points, training.batch)");
        }
    }

    /**
     * The rows of a staggered run (issue 21, item 1), read in order: slot σ shows the active task k in place q (its
     * index among the K active tasks) the examples of its batch J = ⌊(σ − q)/(K·R_k)⌋, so each task's example lasts
     * R_k periods of K slots (hold[k] = R_k: its own rate) and begins q slots after the first task's; before its first
     * (σ &lt; q) a task's units see zeros. Batch J of epoch ⌊J/E⌋ (E batches an epoch) takes the task's examples in an
     * order of its own, drawn per epoch (stream DATA, 200 + 40·epoch + task).
     */
    public static LabeledData staggered(LabeledData lockstep, List<Task> tasks, boolean[] active, int[] hold, int[] inFrom, int[] outFrom, int slots,
                                        int epochs, int batch, long seed) {
        int perEpoch = lockstep.size() / batch;
        int total = epochs * perEpoch * slots;
        double[][] x = new double[total * batch][inFrom[tasks.size()]];
        double[][] y = new double[total * batch][outFrom[tasks.size()]];
        int place = 0;
        for (int k = 0; k < tasks.size(); k++) {
            if (!active[k]) continue;
            int[][] order = new int[epochs][];
            for (int ep = 0; ep < epochs; ep++) {
                order[ep] = io.synaptor.network.ExampleOrder.permutation(lockstep.size(), RandomStreams.stream(seed, RandomStreams.Kind.DATA, 200 + 40L * ep + k));
            }
            for (int slot = place; slot < total; slot++) {
                int batchIndex = (slot - place) / (slots * hold[k]);
                for (int b = 0; b < batch; b++) {
                    int row = order[batchIndex / perEpoch][(batchIndex % perEpoch) * batch + b];
                    System.arraycopy(lockstep.x()[row], inFrom[k], x[slot * batch + b], inFrom[k], inFrom[k + 1] - inFrom[k]);
                    System.arraycopy(lockstep.y()[row], outFrom[k], y[slot * batch + b], outFrom[k], outFrom[k + 1] - outFrom[k]);
                }
            }
            place++;
        }
        return new LabeledData(x, y);
    }

    /** Each active task's held-out score: accuracy (classify) or loss per example, from the free relaxation of T1 steps. */
    private static double[] score(Settings s, long seed, NetworkSpec net, List<Task> tasks, boolean[] active, MnistTasks digits,
                                  int[] inFrom, int[] outFrom) {
        int nTrain = s.getInt("training.train-size");
        int nTest = s.getInt("training.test-size");
        LabeledData test = data(tasks, active, digits, inFrom, outFrom, nTrain, nTest, seed, 1, s.getDouble("tasks.noise"));
        double[][] out = free(net, test, s.getInt("time.free-steps"));
        double[] sc = new double[tasks.size()];
        Arrays.fill(sc, Double.NaN);
        for (int k = 0; k < tasks.size(); k++) {
            if (!active[k]) continue;
            double total = 0;
            for (int n = 0; n < nTest; n++) {
                if (tasks.get(k).classifies()) {
                    int best = outFrom[k];
                    int want = outFrom[k];
                    for (int o = outFrom[k]; o < outFrom[k + 1]; o++) {
                        if (out[n][o] > out[n][best]) best = o;
                        if (test.y()[n][o] > test.y()[n][want]) want = o;
                    }
                    total += best == want ? 1 : 0;
                } else {
                    for (int o = outFrom[k]; o < outFrom[k + 1]; o++) total += 0.5 * Math.pow(out[n][o] - test.y()[n][o], 2);
                }
            }
            sc[k] = total / nTest;
        }
        return sc;
    }

    /** The outputs' free states for every example (the dense relaxation, the actors' semantics at a one-step delay). */
    private static double[][] free(NetworkSpec net, LabeledData data, int steps) {
        BatchedRelaxation relax = new BatchedRelaxation(net);
        double[][] layers = relax.relax(data.x(), steps);
        double[] outputs = layers[layers.length - 1];
        int units = outputs.length / data.size();
        double[][] out = new double[data.size()][units];
        for (int o = 0; o < units; o++) for (int n = 0; n < data.size(); n++) out[n][o] = outputs[o * data.size() + n];
        return out;
    }

    private static void outputs(Report report, Settings s, long seed, NetworkSpec net, List<Task> tasks, MnistTasks digits, int[] inFrom, int[] outFrom) {
        boolean[] active = new boolean[tasks.size()];
        Arrays.fill(active, true);
        int n = Math.min(50, s.getInt("training.test-size"));
        LabeledData test = data(tasks, active, digits, inFrom, outFrom, s.getInt("training.train-size"), n, seed, 1, s.getDouble("tasks.noise"));
        double[][] out = free(net, test, s.getInt("time.free-steps"));
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            if (t.classifies()) continue;
            double[][] images = new double[2 * n][io.synaptor.scenarios.data.Mnist01.PIXELS];
            for (int e = 0; e < n; e++) { // each output beside its target, as 10×10 images in [−1, 1] (a half image in its half)
                int off = t == Task.COMPLETE ? io.synaptor.scenarios.data.Mnist01.PIXELS / 2 : 0;
                Arrays.fill(images[2 * e], -1.0);
                Arrays.fill(images[2 * e + 1], -1.0);
                for (int o = outFrom[k]; o < outFrom[k + 1]; o++) {
                    images[2 * e][off + o - outFrom[k]] = 2 * out[e][o] - 1;
                    images[2 * e + 1][off + o - outFrom[k]] = 2 * test.y()[e][o] - 1;
                }
            }
            report.plot("outputs_" + t.key + ".png", Mnist01OscillatorsScenario.grid(t.key + ": held-out output | target, all tasks at once", images, 10));
        }
    }

    /**
     * Conditional samples (issue 21, item 4) from the net trained on all tasks at once: the same substrate with
     * Langevin noise at T = tasks.sample-temperature (each unit's s ← s − dt ∂E/∂s + √(2T·dt) ξ, DESIGN.md
     * "Units"), every task's condition clamped, relaxed for tasks.sample-steps steps by the synchronous
     * simulation of the actors' semantics; each of {@link #SAMPLED} held-out conditions drawn SAMPLES times. Per
     * generative task: samples_<task>.png (rows: conditions; columns: target, the noiseless output, the samples),
     * sample_spread_<task> (the samples' per-pixel standard deviation, mean over pixels and conditions) and
     * sample_loss_<task> (½‖s − y‖² per sample).
     */
    private static void samples(Report report, Settings s, long seed, NetworkSpec net, List<Task> tasks, MnistTasks digits, int[] inFrom, int[] outFrom) {
        double temperature = s.getDouble("tasks.sample-temperature");
        int n = Math.min(SAMPLED, s.getInt("training.test-size"));
        boolean[] active = new boolean[tasks.size()];
        Arrays.fill(active, true);
        LabeledData test = data(tasks, active, digits, inFrom, outFrom, s.getInt("training.train-size"), n, seed, 1, s.getDouble("tasks.noise"));
        double[][] x = new double[n * SAMPLES][];
        for (int e = 0; e < n; e++) for (int r = 0; r < SAMPLES; r++) x[e * SAMPLES + r] = test.x()[e];
        LabeledData repeated = new LabeledData(x, new double[x.length][outFrom[tasks.size()]]);
        PhaseSchedule schedule = new PhaseSchedule(x.length, s.getInt("tasks.sample-steps"), 1, 0.0, false, seed, 1, 0, x.length);
        NetworkSpec noisy = net.withTemperature(temperature);
        SynchronousSimulation.Result r = SynchronousSimulation.of(noisy, schedule, LabeledData.empty(), repeated)
                .seed(RandomStreams.hash(seed, 0x5A3L)).timing(Common.timing(s, seed, noisy)).run();
        double[][] deterministic = free(net, test, s.getInt("time.free-steps"));
        int[] outs = net.outputs();
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            if (t.classifies()) continue;
            int off = t == Task.COMPLETE ? io.synaptor.scenarios.data.Mnist01.PIXELS / 2 : 0;
            double[][] images = new double[(SAMPLES + 2) * (SAMPLES + 2)][io.synaptor.scenarios.data.Mnist01.PIXELS];
            for (double[] im : images) Arrays.fill(im, -1.0);
            double spread = 0;
            double loss = 0;
            for (int e = 0; e < n; e++) {
                for (int o = outFrom[k]; o < outFrom[k + 1]; o++) {
                    int pixel = off + o - outFrom[k];
                    images[e * (SAMPLES + 2)][pixel] = 2 * test.y()[e][o] - 1;
                    images[e * (SAMPLES + 2) + 1][pixel] = 2 * deterministic[e][o] - 1;
                    double mean = 0;
                    double square = 0;
                    for (int q = 0; q < SAMPLES; q++) {
                        double v = r.states()[outs[o]][e * SAMPLES + q];
                        images[e * (SAMPLES + 2) + 2 + q][pixel] = 2 * v - 1;
                        mean += v / SAMPLES;
                        square += v * v / SAMPLES;
                        loss += 0.5 * Math.pow(v - test.y()[e][o], 2);
                    }
                    spread += Math.sqrt(Math.max(0, square - mean * mean));
                }
            }
            report.metric("sample_spread_" + t.key, spread / (n * t.targets)).metric("sample_loss_" + t.key, loss / (n * SAMPLES));
            report.plot("samples_" + t.key + ".png", Mnist01OscillatorsScenario.grid(String.format(Locale.ROOT,
                    "%s at T = %s: target | noiseless | %d samples", t.key, temperature, SAMPLES), images, SAMPLES + 2));
        }
    }

    /** Conditions and samples per condition in the sample grids. */
    private static final int SAMPLED = 8;
    private static final int SAMPLES = 6;

    private static CategoryChart chart(List<Task> tasks, Map<String, double[]> scores) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(440).title("Held-out score per task (classify: accuracy; others: loss)")
                .xAxisTitle("task").yAxisTitle("score").build();
        List<String> names = tasks.stream().map(t -> t.key).toList();
        for (var e : scores.entrySet()) {
            List<Double> v = new ArrayList<>();
            for (double x : e.getValue()) v.add(Double.isNaN(x) ? 0.0 : x);
            chart.addSeries(e.getKey(), names, v);
        }
        return chart;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }
}
