package io.synaptor.scenarios.bench;

import com.typesafe.config.Config;
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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code synaptor bench messaging}: how close the simulator's message rate comes to what Pekko
 * itself can do on the same machine with the same dispatcher.
 *
 * <ol>
 * <li>The simulator: a random sparse network in unit granularity (one actor per unit and per
 *     synapse), relaxing for one evaluation episode of {@code steps} steps. A small temperature
 *     keeps every state changing, so every step is real state and drive traffic, never the cheap
 *     clock messages of a settled unit. The count is the run's own ({@link RunResult#messages()}).</li>
 * <li>Raw Pekko: one {@link FanoutActor} per unit on the same graph, each sending a double to
 *     each neighbour per round and advancing when it has heard all of them — no barrier, no
 *     coordinator — for as many rounds as it takes to send as many messages as the simulator did.</li>
 * </ol>
 * Both are timed the same way, each in its own actor system with the simulator's dispatcher
 * ({@link SimulationRunner#pekkoConfig}), from the moment its actors are wired to the end of the
 * traffic (the whole system's life is reported too): after
 * {@link #WARM_UP} untimed runs of each in the same JVM, {@link #TIMED} runs of each, alternating.
 * The ratio is the simulator's rate over the raw rate: the median over back-to-back pairs ({@link SideBySide}).
 */
public final class MessagingBenchmark {
    private MessagingBenchmark() {
    }

    /** Seed of the benchmark network, its biases and its input. */
    static final long SEED = 20240601L;
    /** Coupling weights are uniform in ±this: small enough that the relaxation is stable. */
    static final double WEIGHT = 0.05;
    /** Langevin temperature: every step changes every state (UnitActor sends a clock when ρ is bitwise equal). */
    static final double TEMPERATURE = 1e-3;
    static final double DT = 0.5;
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * What one benchmark found. Rates are messages per second of messaging: from the moment every
     * actor is spawned and wired until the last message is handled (spawning 6,000 actors costs the
     * simulator more than 1,000 cost the fan-out, and is not messaging); the times with the actor
     * system's start and stop are reported beside them.
     */
    public record Report(int units, int degree, int steps, int threads, int synapses,
                         long simMessages, double simSeconds, double simWhole, double simRate,
                         long rawMessages, double rawSeconds, double rawWhole, double rawRate, double ratio, String spread) {

        public String render() {
            return String.format(Locale.ROOT, """
                    messaging benchmark: %d units, %d synapses (degree ≈ %d), %d steps, %d dispatcher thread%s
                      simulator  %,13d messages in %7.3f s  = %,12.0f messages/s  (median of %d after %d warm-up runs; %.3f s with the system's start and stop)
                      raw Pekko  %,13d messages in %7.3f s  = %,12.0f messages/s  (median of %d, alternating; %.3f s with the system's start and stop)
                      ratio (simulator / raw) = %.3f  (median of %d back-to-back pairs; lowest … highest pair %s)""",
                    units, synapses, degree, steps, threads, threads == 1 ? "" : "s",
                    simMessages, simSeconds, simRate, TIMED, WARM_UP, simWhole, rawMessages, rawSeconds, rawRate, TIMED, rawWhole, ratio, TIMED,
                    spread);
        }
    }

    /**
     * Runs both measurements, warm-ups first.
     *
     * @param units   network size (≥ 3)
     * @param degree  synapses per free unit, about (≥ 1)
     * @param steps   relaxation steps of the simulator's one episode (≥ 1)
     * @param threads dispatcher threads, for both measurements (1 … 64)
     * @param log     progress lines, or null for none
     */
    public static Report run(int units, int degree, int steps, int threads, PrintStream log) {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads must be in 1..64, got " + threads);
        PrintStream out = log != null ? log : new PrintStream(OutputStream.nullOutputStream());
        SimulationRunner.Runtime rt = new SimulationRunner.Runtime(threads, 100, TIMEOUT);
        NetworkSpec net = network(units, degree, SEED);
        int[][] adjacency = adjacency(net);
        long perRound = 2L * net.couplings().size();

        out.printf(Locale.ROOT, "simulator: %s, %d steps …%n", net, steps);
        Measured sim = null;
        Measured raw = null;
        SideBySide times = new SideBySide(TIMED); // raw time first: the ratio of rates is raw time / simulator time
        double[] simWhole = new double[TIMED];
        double[] rawWhole = new double[TIMED];
        // Warm-up runs first, then the two alternate, so a busy spell of the machine hits both alike.
        for (int k = -WARM_UP; k < TIMED; k++) {
            String what = k < 0 ? "warm-up " + (k + WARM_UP + 1) : "timed run " + (k + 1);
            long cpu0 = Stopwatch.processCpuNanos(); // logged beside the wall time: a busy machine slows whichever run it hits
            sim = simulate(net, steps, rt);
            long cpu1 = Stopwatch.processCpuNanos();
            out.printf(Locale.ROOT, "%s: simulator %,d messages in %.3f s, %.3f s with the system's start and stop (process CPU %.3f s)%n",
                    what, sim.messages(), sim.seconds(), sim.whole(), (cpu1 - cpu0) / 1e9);
            int rounds = rounds(sim.messages(), perRound);
            raw = fanout(adjacency, rounds, rt, out);
            long cpu2 = Stopwatch.processCpuNanos();
            out.printf(Locale.ROOT, "%s: raw fan-out (%d actors, %d rounds) %,d messages in %.3f s, %.3f s with the system's start and stop (process CPU %.3f s)%n",
                    what, units, rounds, raw.messages(), raw.seconds(), raw.whole(), (cpu2 - cpu1) / 1e9);
            if (k >= 0) {
                times.add(raw.seconds(), sim.seconds());
                simWhole[k] = sim.whole();
                rawWhole[k] = raw.whole();
            }
        }
        double simTime = times.medianSecond();
        double rawTime = times.medianFirst();
        // Both sides send (almost exactly) the same number of messages each run; the rates' ratio per pair is
        // (sim messages / raw messages) · (raw time / simulator time).
        double perMessage = (double) sim.messages() / raw.messages();
        return new Report(units, degree, steps, threads, net.couplings().size(),
                sim.messages(), simTime, SideBySide.median(simWhole), sim.messages() / simTime, raw.messages(), rawTime,
                SideBySide.median(rawWhole), raw.messages() / rawTime, perMessage * times.ratio(), times.spread(perMessage));
    }

    /** Untimed runs of each before the timed ones: one was not enough to reach steady JIT code (the ratio then ranged 0.27–0.52). */
    static final int WARM_UP = 2;
    /** Timed runs of each, in back-to-back pairs ({@link SideBySide}). */
    static final int TIMED = 5;

    /** @param seconds messaging alone: from the moment every actor is spawned and wired to the end; {@code whole} adds the system's start and stop */
    private record Measured(long messages, double seconds, double whole) {
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
        SimulationSpec spec = new SimulationSpec(net, schedule, "one-sided", 0.0, LabeledData.empty(), test, false, SEED, 2);
        Stopwatch watch = new Stopwatch();
        long t0 = System.nanoTime();
        RunResult result;
        try {
            result = SimulationRunner.run(spec, rt, watch);
        } catch (SimulationDiverged | SimulationStalled e) {
            throw new IllegalStateException("the benchmark simulation failed: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Measured(result.messages(), watch.seconds(), seconds);
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

    private static Measured fanout(int[][] adjacency, int rounds, SimulationRunner.Runtime rt, PrintStream out) {
        int n = adjacency.length;
        long messages = 0;
        for (int[] a : adjacency) messages += (long) a.length * rounds;
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong started = new AtomicLong();
        Config config = SimulationRunner.pekkoConfig(rt);
        long t0 = System.nanoTime();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(ctx -> {
            List<ActorRef<FanoutActor.Command>> nodes = new ArrayList<>(n);
            for (int u = 0; u < n; u++) nodes.add(ctx.spawn(FanoutActor.create(u, rounds, done), "n-" + u));
            started.set(System.nanoTime());
            for (int u = 0; u < n; u++) {
                List<ActorRef<FanoutActor.Command>> neighbours = new ArrayList<>(adjacency[u].length);
                for (int v : adjacency[u]) neighbours.add(nodes.get(v));
                nodes.get(u).tell(new FanoutActor.Connect(List.copyOf(neighbours)));
            }
            return Behaviors.empty();
        }), "fanout", config);
        long finished;
        try {
            if (!done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the raw fan-out did not finish within " + TIMEOUT.toMinutes() + " min");
            }
            finished = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            SimulationRunner.stop(system);
        }
        long t1 = System.nanoTime();
        return new Measured(messages, (finished - started.get()) / 1e9, (t1 - t0) / 1e9);
    }
}
