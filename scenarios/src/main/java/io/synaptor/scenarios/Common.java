package io.synaptor.scenarios;

import io.synaptor.actors.Monitor;
import io.synaptor.actors.RunResult;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.NodeLost;
import io.synaptor.actors.Engine;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.actors.ProgressListener;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.LearningRates;
import io.synaptor.network.LinkDelays;
import io.synaptor.scheduler.DelayModel;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.network.NetworkSpec;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitModels;
import io.synaptor.synapses.Couplings;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.NudgeShape;
import io.synaptor.synapses.Rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings every network scenario shares (the names are a public contract: later work adds
 * to them and never renames them), and the helpers that read them.
 */
final class Common {
    private Common() {
    }

    /** Per-scenario defaults of the shared settings. */
    record Defaults(List<Integer> layers, int freeSteps, int nudgeSteps, double beta, boolean randomSign,
                    double rate, int epochs, int batch, double dt) {
        /** The scenario keeps the common step, dt = 0.5. */
        Defaults(List<Integer> layers, int freeSteps, int nudgeSteps, double beta, boolean randomSign,
                 double rate, int epochs, int batch) {
            this(layers, freeSteps, nudgeSteps, beta, randomSign, rate, epochs, batch, 0.5);
        }
    }

    /** The holomorphic-EP settings, for scenarios that compare fixed estimators and so do not read them. */
    static final java.util.Set<String> HOLOMORPHIC_KEYS = java.util.Set.of("learning.holomorphic.form",
            "learning.holomorphic.points", "learning.holomorphic.periods", "learning.holomorphic.warmup");

    /** The shared settings, with the training scenarios' relaxation tolerance ({@link RelaxationCheck}). */
    static final Setting DELAY = Setting.integer("network.delay", 1, 1, 100_000,
            "link delay in steps (≥ 1: virtual time needs one step of lookahead)");
    static final Setting JITTER = Setting.integer("network.jitter", 0, 0, 100_000,
            "extra delay per value, uniform in 0 … jitter steps, drawn per link and send time (delivery stays in order)");
    static final Setting DROP = Setting.real("network.drop", 0.0, 0.0, 0.999999,
            "probability that a value sent on a link is lost (the receiver keeps the last value that arrived); in [0, 1)");
    static final Setting UPDATE_RATE = Setting.real("units.update-rate", 0.5, 1e-6, 1.0, "poisson: probability that a unit steps at a given step");
    static final Setting SEND_THRESHOLD = Setting.real("units.send-threshold", 0.0, 0.0, 1.0,
            "send-on-delta: a unit tells its synapses a new ρ only when it moved by more than this since the last value sent (else a clock message); 0 = whenever it changed");
    static final Setting WINDOW = Setting.integer("time.window", 1, 1, 100_000,
            "K: units send their states and synapses their drives in blocks of K steps (NEST's min-delay window); needs K ≤ every link delay; same results, about K times fewer messages");
    static final Setting TRACE = Setting.flag("trace.enabled", false,
            "write every protocol message (send and receive time, sender, receiver, kind, size) to trace.pb in the output directory; read it with synaptor trace");

    static List<Setting> networkSettings(Defaults d) {
        return networkSettings(d, RelaxationCheck.TRAINING_TOLERANCE);
    }

    /** @param tolerance the default of time.tolerance (the gradient scenarios need a tighter one) */
    static List<Setting> networkSettings(Defaults d, double tolerance) {
        List<Setting> s = new ArrayList<>();
        s.add(Setting.intList("network.layers", d.layers(), 1, 100_000,
                "units per layer, input first, output last; consecutive layers fully connected"));
        s.add(DELAY);
        s.add(Setting.choice("network.granularity", "unit", List.of("unit", "block"),
                "unit: one actor per unit and per synapse (for fine timing); block: one actor per slice of a layer and per block of a projection, EJML products (for scale); same results"));
        s.add(Setting.integer("network.block-size", 64, 1, 1_000_000, "block granularity: units per population slice"));
        s.add(Setting.choice("network.delay-model", "constant", DelayModel.NAMES,
                "how link delays are drawn (once per link, from the seed): constant = network.delay; uniform = network.delay ± network.delay-spread steps; lognormal = median network.delay, σ = network.delay-spread; distance = units placed at random in the unit square, delay ∝ link length, mean network.delay"));
        s.add(Setting.realList("network.projection-delays", List.of(), 0.0, 100_000.0,
                "per-projection delays in steps, one per pair of consecutive layers (input first); empty: network.delay everywhere"));
        s.add(Setting.real("network.delay-spread", 0.0, 0.0, 1000.0,
                "uniform: half-width in steps; lognormal: σ of log delay"));
        s.add(JITTER);
        s.add(DROP);
        s.add(Setting.integer("network.clock-skew", 0, 0, 100_000,
                "each actor's clock — its nudge oscillator and learning window — runs late by 0 … clock-skew steps, drawn per actor"));
        s.add(Setting.choice("units.activation", "sigmoid", Activation.ALL.stream().map(Activation::name).toList(),
                "activation ρ: sigmoid = σ(4s − 2), hard-sigmoid = 0 ∨ s ∧ 1, tanh"));
        s.add(Setting.choice("units.model", UnitModels.DEFAULT, UnitModels.names(), "the unit model, U(s) and its dynamics: "
                + UnitModels.names().stream().map(m -> m + " = " + UnitModels.named(m).description()).collect(java.util.stream.Collectors.joining("; "))));
        s.add(Setting.choice("network.coupling", Couplings.DEFAULT, Couplings.names(), "the couplings' energy −W·φ(s_i)·φ(s_j): "
                + Couplings.names().stream().map(m -> m + " = " + Couplings.named(m).description()).collect(java.util.stream.Collectors.joining("; "))));
        s.add(Setting.real("units.temperature", 0.0, 0.0, 100.0,
                "Langevin temperature T of every unit (noise √(2T·dt) per step); 0 = deterministic"));
        s.add(Setting.flag("units.reset", true,
                "every unit returns to rest (s = 0) at the start of each episode, on its own clock; false: relax on from the last state"));
        s.add(Setting.flag("units.persistent", false,
                "persistent free states: each training example starts its free phase where its last free phase ended (test examples at rest); implies units.reset"));
        s.add(Setting.choice("units.update", "every-step", List.of("every-step", "poisson", "heterogeneous"),
                "when units step: every step; poisson = each unit at random steps with probability units.update-rate (asynchronous); heterogeneous = per layer after the input, units.update-rates"));
        s.add(UPDATE_RATE);
        s.add(Setting.realList("units.update-rates", List.of(1.0, 0.5), 1e-6, 1.0,
                "heterogeneous: update probability per layer after the input, one entry per layer"));
        s.add(SEND_THRESHOLD);
        s.add(Setting.real("time.dt", d.dt(), 1e-6, 10.0, "integration step of ds/dt = −∂F/∂s (Scellier & Bengio's ε)"));
        s.add(Setting.choice("time.mode", "virtual", List.of("virtual", "free"),
                "virtual: every actor waits until its inputs are known (Chandy–Misra–Bryant), bit-reproducible; free: wall-clock asynchrony, actors go on with whatever they last heard — not reproducible"));
        s.add(Setting.integer("time.free-lag", 0, 0, 100_000,
                "free mode: how many steps a unit may run beyond what it knows of its inputs (bounded staleness)"));
        s.add(WINDOW);
        s.add(Setting.integer("time.free-steps", d.freeSteps(), 1, 10_000_000, "T1: steps of the free phase"));
        s.add(Setting.integer("time.nudge-steps", d.nudgeSteps(), 1, 10_000_000, "T2: steps of the nudged phase"));
        s.add(RelaxationCheck.tolerance(tolerance));
        s.add(Setting.choice("learning.rule", "one-sided", Rules.names(), "synapse-local learning rule: "
                + Rules.names().stream().map(r -> Rules.named(r).description()).collect(java.util.stream.Collectors.joining("; "))));
        s.add(Setting.choice("learning.holomorphic.form", "discrete", List.of("discrete", "online"),
                "holomorphic EP: discrete = N nudged phases at β·e^{2πik/N} after the free phase; online = β(t) = β·e^{2πit/T2} turning without pause, learned every period"));
        s.add(Setting.integer("learning.holomorphic.points", 8, 2, 1000, "holomorphic EP, discrete: N points on the circle (bias O(|β|^N))"));
        s.add(Setting.integer("learning.holomorphic.periods", 3, 1, 1000, "holomorphic EP, online: periods of T2 steps per example (T2 must be long against the relaxation time)"));
        s.add(Setting.integer("learning.holomorphic.warmup", 2, 0, 999, "holomorphic EP, online: periods per example not learned from (the network is leaving the previous example)"));
        s.add(Setting.real("learning.beta", d.beta(), 1e-12, 100.0, "nudge strength |β|"));
        s.add(Setting.flag("learning.random-sign", d.randomSign(), "draw the sign of β at random per episode (Scellier & Bengio 2017)"));
        s.add(Setting.real("learning.rate", d.rate(), 0.0, 1000.0, "learning rate η of weights and biases"));
        s.add(Setting.realList("learning.rates", List.of(), 0.0, 1000.0,
                "per-projection learning rates, input projection first (a bias learns at the rate of the projection below it); empty: learning.rate everywhere"));
        s.add(Setting.real("learning.rate-decay", 1.0, 0.0, 1.0,
                "γ: every learning rate is multiplied by γ^e in epoch e (counted from the run's first epoch, also after --resume); 1 = constant"));
        s.add(Setting.choice("learning.optimizer", "sgd", Optimizer.NAMES,
                "how a synapse steps its weight: sgd = the rule's change −η·ĝ as it is; adam = η·m̂/(√v̂ + ε) from the synapse's own running moments of its estimates (Kingma & Ba 2015; still local)"));
        s.add(THREADS);
        s.add(THROUGHPUT);
        s.add(Setting.choice("runtime.executor", "auto", List.of("auto", "fork-join", "thread-pool"),
                "the dispatcher's executor (results never depend on it): auto takes fork-join for unit granularity, a thread pool for blocks"));
        s.add(TRACE);
        s.add(Setting.integer("runtime.window", 2, 1, 1000, "episodes the data may run ahead of the network (wall-clock flow control only)"));
        s.add(Setting.integer("runtime.stall-timeout", 300, 1, 86_400,
                "seconds without a finished episode after which the run is reported as stalled (exit 3)"));
        s.addAll(MONITOR);
        return s;
    }

    /** learning.optimizer and learning.rate-decay: how every synapse steps. */
    static Optimizer optimizer(Settings s) {
        return Optimizer.of(s.getString("learning.optimizer"), s.getDouble("learning.rate-decay"));
    }

    /** What to record into monitor.npz (docs/export.md): Brian2's StateMonitor, NEST's multimeter. */
    static final List<Setting> MONITOR = List.of(
            Setting.selection("monitor.units", "none", 100_000_000,
                    "units whose state to record (global index; inputs record their clamped value): none, all, or a list such as [4, \"10-19\"]"),
            Setting.selection("monitor.layers", "none", 100_000,
                    "layers whose units all record (0 = input), added to monitor.units: none, all, or a list"),
            Setting.selection("monitor.synapses", "none", 100_000_000,
                    "couplings whose weight to record (index in network.npz's pairs): none, all, or a list"),
            Setting.integer("monitor.every", 1, 1, 1_000_000_000,
                    "record interval in steps of virtual time (each monitored episode's last state is recorded too)"),
            Setting.selection("monitor.episodes", List.of(0), Integer.MAX_VALUE,
                    "episodes to record (epoch × episodes per epoch + k, training episodes first; none, all, or a list such as [0, \"40-45\"])"));

    /** Whether the settings ask for any recording. */
    static boolean monitoring(Settings s) {
        return s.declares("monitor.units") && !s.getSelection("monitor.episodes").none()
                && !(s.getSelection("monitor.units").none() && s.getSelection("monitor.layers").none()
                && s.getSelection("monitor.synapses").none());
    }

    /** What a simulation records, from monitor.* ({@link Monitor#NONE} when nothing). */
    static Monitor monitor(Settings s, SimulationSpec spec) {
        if (!monitoring(s)) return Monitor.NONE;
        NetworkSpec net = spec.network();
        java.util.TreeSet<Integer> units = new java.util.TreeSet<>();
        for (int u : checked(s, "monitor.units", net.size(), "units")) units.add(u);
        int layers = java.util.Arrays.stream(net.layerOf()).max().orElse(-1) + 1;
        for (int l : checked(s, "monitor.layers", layers, "layers")) {
            for (int u = 0; u < net.size(); u++) if (net.layerOf()[u] == l) units.add(u);
        }
        int[] synapses = checked(s, "monitor.synapses", net.couplings().size(), "couplings");
        PhaseSchedule p = spec.schedule();
        long first = (long) p.firstEpoch() * (p.episodes() / p.epochs());
        Setting.Selection e = s.getSelection("monitor.episodes");
        long[] episodes = e.all() ? java.util.stream.LongStream.range(first, first + p.episodes()).toArray()
                : java.util.Arrays.stream(e.indices()).asLongStream().toArray();
        return new Monitor(units.stream().mapToInt(Integer::intValue).toArray(), synapses, s.getInt("monitor.every"), episodes);
    }

    private static int[] checked(Settings s, String key, int n, String what) {
        Setting.Selection sel = s.getSelection(key);
        for (int k : sel.indices()) {
            if (k >= n) throw new BadInput(key + " names " + k + ", but the network has " + what + " 0.." + (n - 1));
        }
        return sel.within(n);
    }

    static List<Setting> trainingSettings(int epochs, int batch, int trainSize, int testSize) {
        List<Setting> s = new ArrayList<>();
        s.add(Setting.integer("training.epochs", epochs, 1, 1_000_000, "passes over the training set"));
        s.add(Setting.integer("training.batch", batch, 1, 100_000, "examples per minibatch (one vector entry each in every message)"));
        s.add(Setting.integer("training.train-size", trainSize, 1, 10_000_000, "training examples"));
        s.add(Setting.integer("training.test-size", testSize, 1, 10_000_000, "test examples (evaluated after every epoch)"));
        s.addAll(checkpointSettings());
        return s;
    }

    /** Every actor scenario's dispatcher threads and throughput. */
    static final Setting THREADS = Setting.integer("runtime.threads", 2, 1, 64, "dispatcher threads (results never depend on it)");
    static final Setting THROUGHPUT = Setting.integer("runtime.throughput", 100, 1, 100_000, "messages an actor handles before yielding its thread");

    /** The driven oscillators' bath and protocol (gmm-sampler, mnist01-oscillators; docs/scenarios.md#gmm-sampler). */
    static List<Setting> oscillatorProtocolSettings(double temperature) {
        return List.of(
                Setting.real("oscillators.temperature", temperature, 0.01, 100.0, "bath temperature T (k_B = 1): noise √(2T·dt) per step; the prior is N(0, T)"),
                Setting.integer("protocol.knots", 16, 2, 10_000, "K: knots of every piecewise-linear protocol, evenly spaced on [0, protocol.duration]"),
                Setting.real("protocol.duration", 3.0, 0.01, 1000.0, "t_max: protocol time where sampling starts from the prior (forward noise e^{−t_max} of the data remains)"),
                Setting.real("protocol.t-min", 0.01, 1e-6, 1000.0, "t_min: protocol time where sampling stops"),
                Setting.real("time.dt", 0.01, 1e-6, 10.0, "Euler–Maruyama step of the reverse-time sampler"));
    }

    /**
     * The timing of the scenarios whose models run on the common actors without an EqProp spec (the
     * driven oscillators, the harmonic trap): link delay, jitter and loss, when units step ({@code stepping}
     * says what Poisson updates skip), message windows, send-on-delta, the trace, the dispatcher.
     */
    static List<Setting> actorTimingSettings(String stepping) {
        return List.of(DELAY, JITTER, DROP,
                Setting.choice("units.update", "every-step", List.of("every-step", "poisson"),
                        "every-step; poisson = " + stepping + " only at random steps, with probability units.update-rate, holding otherwise"),
                UPDATE_RATE, SEND_THRESHOLD, WINDOW, TRACE, THREADS, THROUGHPUT);
    }

    /** The engine {@link #actorTimingSettings} describe, for a network of {@code units} units. */
    static Engine actorEngine(Settings s, long seed, int units) {
        int delay = s.getInt("network.delay");
        int window = s.getInt("time.window");
        if (window > delay) {
            throw new BadInput("time.window (" + window + ") must not exceed network.delay (" + delay + " steps)");
        }
        double[] rates = new double[units];
        java.util.Arrays.fill(rates, s.getString("units.update").equals("poisson") ? s.getDouble("units.update-rate") : 1.0);
        Timing timing = new Timing(new UpdateModel(seed, rates), s.getInt("network.jitter"), s.getDouble("network.drop"), 0, seed,
                s.getDouble("units.send-threshold"), window, -1);
        return new Engine(delay, timing, () -> new SimulationRunner.Runtime(s.getInt("runtime.threads"),
                s.getInt("runtime.throughput"), Duration.ofMinutes(10), s.nextTraceFile(), SimulationRunner.Executor.THREAD_POOL));
    }

    /** Every training scenario's checkpoint switch and interval. */
    static List<Setting> checkpointSettings() {
        return List.of(Setting.flag("training.checkpoint", false,
                        "run each epoch as its own simulation from rest and write checkpoint.pb every training.checkpoint-every epochs, "
                                + "so that --resume can go on exactly and a cluster run survives a lost node"),
                Setting.integer("training.checkpoint-every", 1, 1, 1_000_000,
                        "epochs of virtual time between checkpoints (with training.checkpoint)"));
    }

    /** φ, what the units present to their couplings: units.activation through network.coupling ({@link NetworkSpec#presented}). */
    static Activation presented(Settings s) {
        return Couplings.named(s.getString("network.coupling")).ends(Activation.named(s.getString("units.activation")));
    }

    static NetworkSpec layeredNet(Settings s, long seed, int inputs, int outputs, String scenario) {
        int[] layers = s.getIntList("network.layers");
        if (layers[0] != inputs || layers[layers.length - 1] != outputs) {
            throw new BadInput("network.layers must start with " + inputs + " and end with " + outputs + " units for "
                    + scenario + ", got " + java.util.Arrays.toString(layers));
        }
        NetworkSpec net = LayeredNetworks.build(layers, s.getInt("network.delay"), Activation.named(s.getString("units.activation")),
                s.getDouble("time.dt"), s.getDouble("units.temperature"),
                RandomStreams.stream(seed, RandomStreams.Kind.INIT, 0));
        net = net.withModels(NetworkSpec.uniform(net.size(), UnitModels.named(s.getString("units.model"))))
                .withCouplingModel(Couplings.named(s.getString("network.coupling")));
        double[] projection = s.getRealList("network.projection-delays");
        if (projection.length > 0) {
            int[] d = new int[projection.length];
            for (int k = 0; k < d.length; k++) {
                if (projection[k] != Math.rint(projection[k]) || projection[k] < 1) {
                    throw new BadInput("network.projection-delays entries must be whole numbers of steps ≥ 1, got " + projection[k]);
                }
                d[k] = (int) projection[k];
            }
            if (!s.getString("network.delay-model").equals("constant")) {
                throw new BadInput("network.projection-delays fixes every delay: use it with network.delay-model=constant");
            }
            try {
                return LinkDelays.perProjection(net, d);
            } catch (IllegalArgumentException e) {
                throw new BadInput("network.projection-delays: " + e.getMessage());
            }
        }
        return drawnDelays(s, seed, net);
    }

    /** The net with every link's delay drawn from network.delay-model (as it is, for the constant model). */
    static NetworkSpec drawnDelays(Settings s, long seed, NetworkSpec net) {
        String model = s.getString("network.delay-model");
        if (model.equals("constant")) return net;
        try {
            DelayModel m = DelayModel.named(model, s.getInt("network.delay"), s.getDouble("network.delay-spread"));
            return LinkDelays.assign(net, m, RandomStreams.stream(seed, RandomStreams.Kind.INIT, 3));
        } catch (IllegalArgumentException e) {
            throw new BadInput("network.delay-model=" + model + ": " + e.getMessage());
        }
    }

    /** Per-projection learning rates (empty: learning.rate everywhere), one per pair of consecutive layers. */
    /**
     * Every coupling's and bias's learning rate: a layered net's learning.rates (one per projection),
     * a network file's per-projection and per-population {@code rate} keys, or learning.rate everywhere.
     */
    static LearningRates learningRates(Settings s, NetworkSpec net) {
        if (!s.declares("learning.rates")) { // a network from a file has no layer pairs to name
            return s.declares(NetworkFile.PROJECTIONS) ? NetworkFile.rates(s, net) : LearningRates.uniform();
        }
        double[] r = s.getRealList("learning.rates");
        int projections = s.getIntList("network.layers").length - 1;
        if (r.length != 0 && r.length != projections) {
            throw new BadInput("learning.rates needs one rate per projection (" + projections + "), got " + r.length);
        }
        return LearningRates.perLayer(net, s.getDouble("learning.rate"), r);
    }

    /** Units per actor: 1 at unit granularity, network.block-size at block granularity. */
    static int blockSize(Settings s) {
        if (s.getString("network.granularity").equals("unit")) return 1;
        if (!s.getString("network.delay-model").equals("constant")) {
            throw new BadInput("network.granularity=block needs one delay per block: use network.delay-model=constant "
                    + "(or network.projection-delays)");
        }
        return s.getInt("network.block-size");
    }

    /** The run's timing: update model, link jitter and loss, clock skew. */
    static Timing timing(Settings s, long seed, NetworkSpec net) {
        int window = s.getInt("time.window");
        int minDelay = net.couplings().stream().mapToInt(c -> c.delay()).min().orElse(Integer.MAX_VALUE);
        if (window > minDelay) {
            throw new BadInput("time.window (" + window + ") must not exceed the shortest link delay (" + minDelay
                    + " steps): a block is sent when full, and its first sample must not be needed earlier");
        }
        boolean free = s.getString("time.mode").equals("free");
        try {
            return new Timing(updateModel(s, seed, net), s.getInt("network.jitter"), s.getDouble("network.drop"),
                    s.getInt("network.clock-skew"), seed, s.getDouble("units.send-threshold"), window,
                    free ? s.getInt("time.free-lag") : -1);
        } catch (IllegalArgumentException e) { // free mode with jitter, loss or windows: virtual-time models
            throw new BadInput("time.mode=" + s.getString("time.mode") + ": " + e.getMessage()
                    + " (network.jitter, network.drop and time.window apply to virtual time)");
        }
    }

    /** When each unit steps, from units.update (rates per unit; inputs are clamped and never step). */
    static UpdateModel updateModel(Settings s, long seed, NetworkSpec net) {
        double[] rates = new double[net.size()];
        java.util.Arrays.fill(rates, 1.0);
        switch (s.getString("units.update")) {
            case "poisson" -> java.util.Arrays.fill(rates, s.getDouble("units.update-rate"));
            case "heterogeneous" -> {
                double[] perLayer = s.getRealList("units.update-rates");
                int layers = java.util.Arrays.stream(net.layerOf()).max().orElse(0);
                if (perLayer.length != layers) {
                    throw new BadInput("units.update-rates needs one rate per layer after the input (" + layers + "), got " + perLayer.length);
                }
                for (int u = 0; u < rates.length; u++) if (net.layerOf()[u] > 0) rates[u] = perLayer[net.layerOf()[u] - 1];
            }
            default -> { }
        }
        return new UpdateModel(seed, rates);
    }

    /** The nudge after the free phase that the chosen learning rule needs ({@link RuleProvider#shape}). */
    static NudgeShape nudgeShape(Settings s) {
        String name = s.getString("learning.rule");
        int periods = s.getInt("learning.holomorphic.periods");
        int warmup = s.getInt("learning.holomorphic.warmup");
        boolean online = s.getString("learning.holomorphic.form").equals("online");
        // The complex nudge the holomorphic settings describe, for the rules that take one (none if it cannot be).
        NudgeShape complex = !online ? NudgeShape.circle(s.getInt("learning.holomorphic.points"))
                : warmup < periods ? NudgeShape.oscillating(periods, warmup) : null;
        NudgeShape shape;
        try {
            shape = Rules.named(name).shape(complex);
        } catch (IllegalArgumentException e) {
            if (complex == null) {
                throw new BadInput("learning.holomorphic.warmup (" + warmup + ") must be smaller than learning.holomorphic.periods (" + periods + ")");
            }
            throw new BadInput("learning.rule=" + name + ": " + e.getMessage());
        }
        String activation = s.getString("units.activation");
        Activation presented = presented(s);
        if (shape.complex() && !presented.holomorphic()) {
            throw new BadInput("learning.rule=" + name + " needs a holomorphic activation (sigmoid or tanh), not " + activation);
        }
        try { // the unit model must have the dynamics the rule's nudge needs (complex states for holomorphic EP)
            UnitModels.named(s.getString("units.model")).dynamics(presented, s.getDouble("time.dt"),
                    s.getDouble("units.temperature"), shape.complex());
        } catch (IllegalArgumentException e) {
            throw new BadInput("units.model=" + s.getString("units.model") + " with learning.rule=" + name + ": " + e.getMessage());
        }
        return shape;
    }

    static SimulationRunner.Runtime runtime(Settings s) {
        String executor = s.getString("runtime.executor");
        if (executor.equals("auto")) executor = blockSize(s) == 1 ? "fork-join" : "thread-pool";
        return new SimulationRunner.Runtime(s.getInt("runtime.threads"), s.getInt("runtime.throughput"),
                Duration.ofSeconds(s.getInt("runtime.stall-timeout")),
                s.nextTraceFile(), executor.equals("fork-join") ? SimulationRunner.Executor.FORK_JOIN : SimulationRunner.Executor.THREAD_POOL);
    }

    static RunResult simulate(SimulationSpec spec, Settings s, ProgressListener listener) {
        if (s.flat().containsKey(RelaxationCheck.KEY)) spec = spec.withTolerance(s.getDouble(RelaxationCheck.KEY));
        try {
            if (!monitoring(s)) return SimulationRunner.run(spec, runtime(s), listener);
            RunResult r = SimulationRunner.run(spec.withMonitor(monitor(s, spec)), runtime(s), listener);
            s.monitors().add(r.recording());
            return r;
        } catch (SimulationDiverged e) {
            throw new RunFailed("the run diverged: " + e.getMessage()
                    + "; try a smaller time.dt, learning.rate or learning.beta", e);
        } catch (SimulationStalled e) {
            throw new RunFailed(e.getMessage(), e);
        } catch (IllegalArgumentException e) { // a spec the runner refuses (a cluster: a slice message over its frame), before the run starts
            throw new BadInput(e.getMessage());
        } catch (NodeLost e) {
            boolean trains = s.flat().containsKey("training.checkpoint");
            throw new RunFailed(e.getMessage() + "; no checkpoint exists to restart from"
                    + (trains ? " (training.checkpoint=true writes one every training.checkpoint-every epochs)" : " (this scenario writes none)"), e);
        }
    }
}
