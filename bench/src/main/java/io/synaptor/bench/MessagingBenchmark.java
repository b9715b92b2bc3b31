package io.synaptor.bench;


import com.typesafe.config.Config;
import io.synaptor.actors.MessageKind;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.network.Coupling;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.neurons.Activation;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code synaptor bench messaging}: how close the simulator's message rate comes to what Pekko
 * itself can do on the same machine with the same dispatcher.
 *
 * <ol>
 * <li>The simulator: a random sparse network in unit granularity (one actor per unit and per
 *     synapse), relaxing for one evaluation episode of {@code steps} steps. A small temperature
 *     keeps every state changing, so every step is real state and drive traffic, never the cheap
 *     clock messages of a settled unit. The count is the run's own ({@link RunResult#messages()}).</li>
 * <li>Raw Pekko of the same shape: one {@link FanoutActor} per unit and one {@link RelayActor} per
 *     synapse; each round a unit sends a double to each of its synapses, which pass it on to the
 *     other end, and a unit advances when it has heard all of them — no barrier, no coordinator —
 *     for as many rounds as it takes to send as many messages as the simulator did. The ratio
 *     held against the target is the simulator over this one (DESIGN.md, "Granularity": at unit
 *     granularity the shape is one actor per neuron and one per synapse).</li>
 * <li>Raw Pekko between the units alone: the same nodes sending straight to their neighbours —
 *     what the simulator's shape costs in Pekko itself, printed beside.</li>
 * </ol>
 * All are timed the same way, each in its own actor system with the simulator's dispatcher
 * ({@link SimulationRunner#pekkoConfig}), from the moment its actors are wired to the end of the
 * traffic (the whole system's life is reported too): after {@link #WARM_UP} untimed runs of each
 * in the same JVM, {@link #TIMED} runs of each, alternating. A ratio is the median over
 * back-to-back pairs ({@link SideBySide}).
 */
public final class MessagingBenchmark {
    private MessagingBenchmark() {
    }

    /** Seed of the benchmark network, its biases and its input. */
    public static final long SEED = 20240601L;
    /** Coupling weights are uniform in ±this: small enough that the relaxation is stable. */
    static final double WEIGHT = 0.05;
    /** Langevin temperature: every step changes every state (UnitActor sends a clock when ρ is bitwise equal). */
    static final double TEMPERATURE = 1e-3;
    static final double DT = 0.5;
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * What one benchmark found. Rates are messages per second of messaging: from the moment every
     * actor is spawned and wired until the last message is handled (spawning 6,000 actors costs
     * more than 1,000, and is not messaging); the times with the actor system's start and stop are
     * reported beside them. {@code ratio} is the simulator over raw Pekko of the same shape;
     * {@code fanoutRatio} the simulator over the unit-only fan-out; {@code simSent} the simulator's
     * messages of the last run by kind (the run is deterministic: every run sends the same).
     */
    public record Report(int units, int degree, int steps, int threads, int synapses,
                         Side sim, Side relay, Side fanout, double ratio, String spread, double fanoutRatio, String fanoutSpread,
                         Map<MessageKind, Long> simSent) {

        public String render() {
            return String.format(Locale.ROOT, """
                    messaging benchmark: %d units, %d synapses (degree ≈ %d), %d steps, %d dispatcher thread%s; medians of %d runs after %d warm-up runs, alternating
                      simulator               %s
                      raw Pekko, same shape   %s
                      raw Pekko, units only   %s
                      ratio (simulator / raw Pekko of the same shape) = %.3f  (median of %d back-to-back pairs; lowest … highest pair %s)
                      beside the units-only fan-out: %.3f (%s) — what one actor per synapse costs in Pekko itself""",
                    units, synapses, degree, steps, threads, threads == 1 ? "" : "s", TIMED, WARM_UP,
                    sim.render(), relay.render(), fanout.render(), ratio, TIMED, spread, fanoutRatio, fanoutSpread);
        }
    }

    /**
     * One contender's medians: its messages, seconds of messaging, seconds with the system's start
     * and stop, and the process CPU seconds of the whole run (all threads: how busy it kept the cores).
     */
    public record Side(String actors, long messages, double seconds, double whole, double cpu) {
        public double rate() {
            return messages / seconds;
        }

        /** Process CPU per message, in nanoseconds. */
        public double cpuPerMessage() {
            return 1e9 * cpu / messages;
        }

        String render() {
            return String.format(Locale.ROOT, "%,11d messages in %6.3f s = %,11.0f messages/s  (%s; %.3f s with the system's start and stop; CPU %.0f ns per message)",
                    messages, seconds, rate(), actors, whole, cpuPerMessage());
        }
    }

    /**
     * Runs the three measurements, warm-ups first: the simulator; raw Pekko of the same shape (one
     * actor per unit and one {@link RelayActor} per synapse, DESIGN.md "Granularity"); and raw Pekko
     * between the units alone (1,000 actors, each message straight to a neighbour).
     *
     * @param units   network size (≥ 3)
     * @param degree  synapses per free unit, about (≥ 1)
     * @param steps   relaxation steps of the simulator's one episode (≥ 1)
     * @param threads dispatcher threads, for all measurements (1 … 64)
     * @param log     progress lines, or null for none
     */
    public static Report run(int units, int degree, int steps, int threads, PrintStream log) {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads must be in 1..64, got " + threads);
        PrintStream out = log != null ? log : new PrintStream(OutputStream.nullOutputStream());
        SimulationRunner.Runtime rt = new SimulationRunner.Runtime(threads, 100, TIMEOUT);
        NetworkSpec net = network(units, degree, SEED);
        int synapses = net.couplings().size();

        out.printf(Locale.ROOT, "simulator: %s, %d steps …%n", net, steps);
        Measured sim = null;
        Measured relay = null;
        Measured fanout = null;
        // Each raw time first: the ratio of rates is raw time / simulator time (times the message counts' ratio).
        SideBySide sameShape = new SideBySide(TIMED);
        SideBySide unitsOnly = new SideBySide(TIMED);
        double[][] whole = new double[3][TIMED];
        double[][] cpu = new double[3][TIMED];
        // Warm-up runs first, then the three alternate, so a busy spell of the machine hits all alike.
        for (int k = -WARM_UP; k < TIMED; k++) {
            String what = k < 0 ? "warm-up " + (k + WARM_UP + 1) : "timed run " + (k + 1);
            sim = logged(out, what, "simulator", () -> simulate(net, steps, rt));
            // Rounds that send as many messages as the simulator did: 4 per synapse and round through relays, 2 without.
            int relayRounds = rounds(sim.messages(), 4L * synapses);
            relay = logged(out, what, "raw Pekko, same shape (" + (units + synapses) + " actors, " + relayRounds + " rounds)",
                    () -> raw(net, true, relayRounds, rt));
            int fanoutRounds = rounds(sim.messages(), 2L * synapses);
            fanout = logged(out, what, "raw Pekko, units only (" + units + " actors, " + fanoutRounds + " rounds)",
                    () -> raw(net, false, fanoutRounds, rt));
            if (k >= 0) {
                sameShape.add(relay.seconds(), sim.seconds());
                unitsOnly.add(fanout.seconds(), sim.seconds());
                whole[0][k] = sim.whole();
                whole[1][k] = relay.whole();
                whole[2][k] = fanout.whole();
                cpu[0][k] = sim.cpu();
                cpu[1][k] = relay.cpu();
                cpu[2][k] = fanout.cpu();
            }
        }
        // Each side sends (almost exactly) the same number of messages each run; a pair's ratio of rates is
        // (sim messages / raw messages) · (raw time / simulator time).
        double perRelay = (double) sim.messages() / relay.messages();
        double perFanout = (double) sim.messages() / fanout.messages();
        return new Report(units, degree, steps, threads, synapses,
                new Side((units + synapses) + " actors", sim.messages(), sameShape.medianSecond(), SideBySide.median(whole[0]), SideBySide.median(cpu[0])),
                new Side((units + synapses) + " actors", relay.messages(), sameShape.medianFirst(), SideBySide.median(whole[1]), SideBySide.median(cpu[1])),
                new Side(units + " actors", fanout.messages(), unitsOnly.medianFirst(), SideBySide.median(whole[2]), SideBySide.median(cpu[2])),
                perRelay * sameShape.ratio(), sameShape.spread(perRelay), perFanout * unitsOnly.ratio(), unitsOnly.spread(perFanout),
                sim.sent());
    }

    /** Runs one side and logs it with the process CPU time it took (a busy machine slows whichever run it hits). */
    private static Measured logged(PrintStream out, String what, String side, Supplier<Measured> run) {
        long cpu0 = Stopwatch.processCpuNanos();
        Measured m = run.get();
        double cpu = (Stopwatch.processCpuNanos() - cpu0) / 1e9;
        out.printf(Locale.ROOT, "%s: %s %,d messages in %.3f s, %.3f s with the system's start and stop (process CPU %.3f s)%n",
                what, side, m.messages(), m.seconds(), m.whole(), cpu);
        return new Measured(m.messages(), m.seconds(), m.whole(), cpu, m.sent());
    }

    /** Untimed runs of each before the timed ones: one was not enough to reach steady JIT code (the ratio then ranged 0.27–0.52). */
    static final int WARM_UP = 2;
    /** Timed runs of each, in back-to-back pairs ({@link SideBySide}). */
    static final int TIMED = 5;

    /**
     * @param seconds messaging alone: from the moment every actor is spawned and wired to the end; {@code whole} adds the system's start and stop
     * @param sent    the simulator's messages by kind (null for raw Pekko)
     */
    private record Measured(long messages, double seconds, double whole, double cpu, Map<MessageKind, Long> sent) {
        Measured(long messages, double seconds, double whole, Map<MessageKind, Long> sent) {
            this(messages, seconds, whole, Double.NaN, sent);
        }
    }

    private static int rounds(long messages, long perRound) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round((double) messages / perRound)));
    }

    // ---------------------------------------------------------------- the simulator

    private static Measured simulate(NetworkSpec net, int steps, SimulationRunner.Runtime rt) {
        int inputs = net.inputs().length;
        int outputs = net.outputs().length;
        SplittableRandom r = new SplittableRandom(SEED ^ 0x9E3779B97F4A7C15L);
        double[][] x = new double[1][inputs];
        for (int d = 0; d < inputs; d++) x[0][d] = r.nextDouble();
        double[][] y = new double[1][outputs];
        y[0][r.nextInt(outputs)] = 1.0;
        LabeledData test = new LabeledData(x, y);
        PhaseSchedule schedule = new PhaseSchedule(1, steps, 1, 0.1, false, SEED, 1, 0, 1);
        SimulationSpec spec = SimulationSpec.builder(net, schedule, LabeledData.empty(), test).rate(0.0).seed(SEED).window(2)
                .build();
        Stopwatch watch = new Stopwatch();
        long t0 = System.nanoTime();
        RunResult result;
        try {
            result = SimulationRunner.run(spec, rt, watch);
        } catch (SimulationDiverged | SimulationStalled e) {
            throw new IllegalStateException("the benchmark simulation failed: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Measured(result.messages(), watch.seconds(), seconds, result.sent());
    }

    /**
     * A random sparse symmetric network: min(10, units/10) inputs (at least one), a few outputs, the
     * rest hidden. Free units are paired at random so each has about {@code degree} synapses to
     * other free units (a self-pair or a repeated pair is dropped); each input couples to
     * {@code degree} random free units. Weights uniform in ±{@value #WEIGHT}, biases uniform in
     * ±0.5, every delay one step.
     */
    public static NetworkSpec network(int units, int degree, long seed) {
        if (units < 3) throw new IllegalArgumentException("the benchmark network needs at least 3 units, got " + units);
        if (degree < 1) throw new IllegalArgumentException("degree must be ≥ 1, got " + degree);
        int inputs = Math.max(1, Math.min(10, units / 10));
        int outputs = Math.max(1, Math.min(10, units / 100));
        int free = units - inputs;
        if (degree >= free) {
            throw new IllegalArgumentException("degree " + degree + " needs more than " + degree + " free units, got " + free);
        }
        Role[] roles = new Role[units];
        int[] layerOf = new int[units];
        for (int u = 0; u < units; u++) {
            roles[u] = u < inputs ? Role.INPUT : (u >= units - outputs ? Role.OUTPUT : Role.HIDDEN);
            layerOf[u] = -1;
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<Coupling> couplings = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        // Free–free: a random pairing of `degree` stubs per free unit (the configuration model).
        int[] stubs = new int[free * degree];
        for (int k = 0; k < stubs.length; k++) stubs[k] = inputs + k / degree;
        for (int k = stubs.length - 1; k > 0; k--) { // Fisher–Yates
            int m = r.nextInt(k + 1);
            int tmp = stubs[k];
            stubs[k] = stubs[m];
            stubs[m] = tmp;
        }
        for (int k = 0; k + 1 < stubs.length; k += 2) {
            addCoupling(stubs[k], stubs[k + 1], r, seen, couplings);
        }
        // Input–free: each input to `degree` random free units.
        for (int i = 0; i < inputs; i++) {
            for (int k = 0; k < degree; k++) addCoupling(i, inputs + r.nextInt(free), r, seen, couplings);
        }
        double[] biases = new double[units];
        for (int u = inputs; u < units; u++) biases[u] = 0.5 * (2 * r.nextDouble() - 1);
        return new NetworkSpec(roles, layerOf, couplings, biases, Activation.named("sigmoid"), DT, TEMPERATURE);
    }

    private static void addCoupling(int a, int b, SplittableRandom r, Set<Long> seen, List<Coupling> couplings) {
        if (a == b) return;
        int i = Math.min(a, b);
        int j = Math.max(a, b);
        if (!seen.add(((long) i << 32) | j)) return;
        couplings.add(new Coupling(i, j, WEIGHT * (2 * r.nextDouble() - 1), 1));
    }

    /** Each unit's neighbours through the network's couplings. */
    static int[][] adjacency(NetworkSpec net) {
        int n = net.size();
        int[] count = new int[n];
        for (Coupling c : net.couplings()) {
            count[c.i()]++;
            count[c.j()]++;
        }
        int[][] adj = new int[n][];
        for (int u = 0; u < n; u++) adj[u] = new int[count[u]];
        int[] fill = new int[n];
        for (Coupling c : net.couplings()) {
            adj[c.i()][fill[c.i()]++] = c.j();
            adj[c.j()][fill[c.j()]++] = c.i();
        }
        return adj;
    }

    // ---------------------------------------------------------------- raw Pekko

    /**
     * Raw Pekko on the network's graph for {@code rounds} rounds: with {@code relays}, one
     * {@link FanoutActor} per unit and one {@link RelayActor} per coupling between its two units
     * (the simulator's shape); without, the units' actors send to each other directly.
     */
    private static Measured raw(NetworkSpec net, boolean relays, int rounds, SimulationRunner.Runtime rt) {
        int n = net.size();
        List<Coupling> couplings = net.couplings();
        int[][] adjacency = adjacency(net);
        FanoutActor.Traffic traffic = new FanoutActor.Traffic();
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong started = new AtomicLong();
        Config config = SimulationRunner.pekkoConfig(rt);
        long t0 = System.nanoTime();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(ctx -> {
            List<ActorRef<FanoutActor.Command>> nodes = new ArrayList<>(n);
            for (int u = 0; u < n; u++) nodes.add(ctx.spawn(FanoutActor.create(u, rounds, done, traffic), "n-" + u));
            List<List<ActorRef<FanoutActor.Command>>> neighbours = new ArrayList<>(n);
            for (int u = 0; u < n; u++) neighbours.add(new ArrayList<>(adjacency[u].length));
            if (relays) {
                for (int c = 0; c < couplings.size(); c++) {
                    Coupling cp = couplings.get(c);
                    var relay = ctx.spawn(RelayActor.create(cp.i(), nodes.get(cp.i()), nodes.get(cp.j()), cp.weight()), "s-" + c);
                    neighbours.get(cp.i()).add(relay);
                    neighbours.get(cp.j()).add(relay);
                }
            } else {
                for (int u = 0; u < n; u++) for (int v : adjacency[u]) neighbours.get(u).add(nodes.get(v));
            }
            started.set(System.nanoTime());
            for (int u = 0; u < n; u++) nodes.get(u).tell(new FanoutActor.Connect(List.copyOf(neighbours.get(u))));
            return Behaviors.empty();
        }), relays ? "same-shape" : "units-only", config);
        long finished;
        try {
            if (!done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("raw Pekko did not finish within " + TIMEOUT.toMinutes() + " min");
            }
            finished = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            SimulationRunner.stop(system);
        }
        long t1 = System.nanoTime();
        // Every message a unit sends lands in a unit (units only) or in a relay, which passes it on to a unit.
        long messages = traffic.received().sum() + (relays ? traffic.sent().sum() : 0);
        return new Measured(messages, (finished - started.get()) / 1e9, (t1 - t0) / 1e9, null);
    }
}
