package io.synaptor.bench;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LangevinNetwork;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Synaptic updates per second of an overdamped Langevin network ({@link LangevinNetwork}: double-well
 * units, symmetric tanh couplings), the figure Brian2 is measured by (Brian2 2.5.1's cython target,
 * one thread, the same network measured beside this benchmark on a quiet 2-core machine: 760–780 M/s;
 * issue 17). Two sizes, as in the issue: N = 1,000 with 10% and N = 10,000 with 1% of the pairs
 * coupled, each for {@code steps} steps, run side by side (a) by the one-thread reference loop
 * ({@link LangevinNetwork#run}) and (b) on the common actors (issue 19): the network as a
 * {@link NetworkSpec} at block granularity, one unit actor per population slice and one synapse
 * actor per block of couplings between two slices (or inside one), under any timing model. Both
 * follow the same virtual-time semantics; the actors sum the field per block, so they agree with
 * the reference to round-off (the difference is reported). A synaptic update is one W_ij tanh(s_j)
 * added into a field; each timing is the best of three, the actors' from the moment they are all
 * spawned and wired until the last reports (the actor system's start, some 0.1 s, is left out: it
 * is paid once per run, not per step).
 */
public final class LangevinBenchmark {
    private LangevinBenchmark() {
    }

    /**
     * How the actors run: link delay (steps), link jitter (steps), the probability that a unit steps
     * at a given step (1: every step; below: {@code units.update=poisson}) and where to write the
     * message trace (null: none). The reference loop knows delays only, so with jitter or Poisson
     * updates the difference column compares different dynamics.
     */
    public record Options(int delay, int jitter, double updateRate, Path trace) {
        public static final Options DEFAULT = new Options(1, 0, 1.0, null);

        public Options {
            if (delay < 1) throw new IllegalArgumentException("the link delay must be ≥ 1 step, got " + delay);
            if (!(updateRate > 0 && updateRate <= 1)) throw new IllegalArgumentException("the update rate must lie in (0, 1], got " + updateRate);
        }

        /** The timing model of a network of {@code units} units: Poisson updates below rate 1, the seed's draws. */
        Timing timing(int units, long seed) {
            double[] rates = new double[units];
            Arrays.fill(rates, updateRate);
            return new Timing(new UpdateModel(seed, rates), jitter, 0.0, 0, seed);
        }

        /** Whether the reference loop runs the same dynamics. */
        boolean plain() {
            return jitter == 0 && updateRate == 1.0;
        }
    }

    /** @param peerSeconds Brian2's best main-loop time on the same network (NaN: no peer) */
    public record Row(int size, double connectivity, long couplings, int steps, int slices,
                      double threadSeconds, double actorSeconds, double maxDifference, double peerSeconds) {
        public double threadRate() {
            return (double) couplings * steps / threadSeconds;
        }

        public double actorRate() {
            return (double) couplings * steps / actorSeconds;
        }
    }

    /** @param peerMissing why Brian2 did not run beside the simulator (null: it did) */
    public record Report(int threads, List<Row> rows, String peerMissing) {
        public String render() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "langevin benchmark: double-well units, tanh couplings, Euler–Maruyama, %d dispatcher thread%s%n",
                    threads, threads == 1 ? "" : "s"));
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, """
                          N = %,d, %.0f%% coupled (%,d couplings), %d steps, %d slices
                            one thread     %7.3f s  %,6.0f M synaptic updates/s
                            actors         %7.3f s  %,6.0f M synaptic updates/s  (ratio %.2f; %s)
                        """, r.size(), 100 * r.connectivity(), r.couplings(), r.steps(), r.slices(),
                        r.threadSeconds(), r.threadRate() / 1e6, r.actorSeconds(), r.actorRate() / 1e6,
                        r.threadSeconds() / r.actorSeconds(), Double.isNaN(r.maxDifference())
                                ? "jitter or Poisson updates: not the reference's dynamics"
                                : String.format(Locale.ROOT, "final states differ by %.1e", r.maxDifference())));
                if (!Double.isNaN(r.peerSeconds())) {
                    double peerRate = (double) r.couplings() * r.steps() / r.peerSeconds();
                    b.append(String.format(Locale.ROOT, "    Brian2 cython  %7.3f s  %,6.0f M synaptic updates/s  (one thread; actors / Brian2 = %.2f, one thread / Brian2 = %.2f)%n",
                            r.peerSeconds(), peerRate / 1e6, r.peerSeconds() / r.actorSeconds(), r.peerSeconds() / r.threadSeconds()));
                }
            }
            if (peerMissing != null) b.append("  no Brian2 peer: ").append(peerMissing);
            else b.append("  each figure the best of three, the three contenders taking turns (bench/peers/langevin_brian2.py: the same couplings, tanh once per unit and step)");
            return b.toString();
        }
    }

    /**
     * The fewest coupled pairs a block (synapse actor) should hold on average: at ≈ 1 ns a pair (both
     * drives from one pass) that is ≳ 20 µs of work a step, against the ≈ 4 messages of ≈ 1 µs each a
     * block handles a step (its ends' states in, its drives out) and the hand-offs between threads they
     * cause. Measured on a quiet machine (docs/performance.md): at N = 1,000 (49,873 pairs) one slice
     * beat two (median 1,112 against 1,035 M updates/s); 10,000 pairs a block had put it on two.
     */
    public static final long PAIRS_PER_BLOCK = 20_000;

    /**
     * How many slices a network of {@code pairs} coupled pairs is cut into, at most {@code most}: the
     * most whose s(s + 1)/2 blocks hold {@link #PAIRS_PER_BLOCK} pairs each on average (at least one).
     * Messages grow as 2s² a step (s² states, s² drives), the work does not: a small network on fewer,
     * larger slices spends less of its step on messages (N = 1,000 at 10 %: 1 slice; 10,000 at 1 %: 4).
     */
    public static int slicesFor(long pairs, int most) {
        int s = most;
        while (s > 1 && pairs < PAIRS_PER_BLOCK * s * (s + 1) / 2) s--;
        return s;
    }

    /**
     * @param sizes  N of each network, with {@code connectivity[k]} the share of pairs coupled
     * @param slices at most this many population slices (unit actors) per network ({@link #slicesFor})
     */
    public static Report run(int[] sizes, double[] connectivity, int steps, int slices, int threads, Options options, PrintStream log) {
        return run(sizes, connectivity, steps, slices, threads, options, log, null);
    }

    /** @param peer Brian2 on the same network, taking turns with the two Java contenders (null, or missing: none) */
    static Report run(int[] sizes, double[] connectivity, int steps, int slices, int threads, Options options, PrintStream log, Peer peer) {
        // the peer runs the reference's dynamics: links of D steps (D ≤ 1 in Brian2's script), no jitter, every unit every step
        boolean withPeer = peer != null && peer.missing() == null && options.plain() && options.delay() <= 1;
        String peerMissing = peer == null ? "not asked for" : peer.missing() != null ? peer.missing()
                : withPeer ? null : "the peer runs plain dynamics only (delay ≤ 1, no jitter, every unit every step)";
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            LangevinNetwork.Spec spec = spec(sizes[k], connectivity[k]);
            log.printf(Locale.ROOT, "langevin benchmark: building N = %,d …%n", sizes[k]);
            LangevinNetwork net = new LangevinNetwork(spec);
            Path file = null;
            if (withPeer) {
                try {
                    file = java.nio.file.Files.createTempFile("synaptor-langevin-", ".npz");
                    LangevinExport.write(net, 0, options.delay(), file);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("could not write the network for Brian2: " + e.getMessage(), e);
                }
            }
            double peerSeconds = withPeer ? Double.MAX_VALUE : Double.NaN;
            int cut = slicesFor(net.couplings() / 2, slices);
            SimulationSpec sim = simulation(net, steps, cut, options);
            double[] want = net.run(steps, options.delay());
            double threadSeconds = Double.MAX_VALUE;
            double actorSeconds = Double.MAX_VALUE;
            double worst = 0;
            for (int rep = 0; rep < 3; rep++) {
                log.printf(Locale.ROOT, "langevin benchmark: N = %,d, run %d of 3 …%n", sizes[k], rep + 1);
                long t0 = System.nanoTime();
                double[] one = net.run(steps, options.delay());
                threadSeconds = Math.min(threadSeconds, (System.nanoTime() - t0) / 1e9);
                Timed timed = actors(sim, threads, options.trace());
                actorSeconds = Math.min(actorSeconds, timed.seconds());
                if (file != null) {
                    var r = peer.run(List.of("--net", file.toString(), "--steps", Integer.toString(steps), "--repeats", "1"));
                    peerSeconds = Math.min(peerSeconds, r.get("seconds"));
                }
                for (int u = 0; u < want.length; u++) {
                    worst = Math.max(worst, Math.max(Math.abs(want[u] - one[u]), Math.abs(want[u] - timed.states()[u])));
                }
            }
            for (double v : want) {
                if (!Double.isFinite(v)) throw new IllegalStateException("the Langevin network diverged (a state is " + v + ")");
            }
            if (file != null) file.toFile().delete();
            rows.add(new Row(sizes[k], connectivity[k], net.couplings(), steps, slices(spec.size(), cut), threadSeconds,
                    actorSeconds, options.plain() ? worst : Double.NaN, peerSeconds));
        }
        return new Report(threads, rows, peerMissing);
    }

    /** The benchmark's network of {@code size} units with {@code connectivity} of the pairs coupled (its seed, barrier, temperature, dt fixed). */
    public static LangevinNetwork.Spec spec(int size, double connectivity) {
        return new LangevinNetwork.Spec(size, connectivity, 1.0, 1.0, 0.1, 0.05, 20240601L);
    }

    /** The slices a network of n units is cut into when asked for {@code slices}: blocks of ⌈n / slices⌉ units. */
    static int slices(int n, int slices) {
        int size = blockSize(n, slices);
        return (n + size - 1) / size;
    }

    private static int blockSize(int n, int slices) {
        return Math.max(2, (n + slices - 1) / slices); // a block size of 1 would mean unit granularity
    }

    /**
     * The network's free run on the common actors, as a library user writes it: the network spec
     * with delay D, one evaluation episode of {@code steps} steps on an empty data set (no inputs, no
     * outputs, nothing learned: the rule's rate is 0 and there are no training episodes), at block
     * granularity with about {@code slices} slices, under the options' timing, seeded as the reference.
     */
    public static SimulationSpec simulation(LangevinNetwork net, int steps, int slices, Options options) {
        NetworkSpec network = net.network(options.delay());
        long seed = net.spec().seed();
        LabeledData nothing = new LabeledData(new double[1][0], new double[1][0]);
        PhaseSchedule free = new PhaseSchedule(1, steps, 1, 0.0, false, seed, 1, 0, 1);
        return SimulationSpec.builder(network, free, LabeledData.empty(), nothing).rate(0.0).seed(seed)
                .timing(options.timing(network.size(), seed)).blockSize(blockSize(network.size(), slices)).build();
    }

    /** The final states of a run on the actors, and the seconds from their start (all spawned and wired) until the last reports. */
    public record Timed(double[] states, double seconds, RunResult result) {
    }

    public static Timed actors(SimulationSpec sim, int threads, Path trace) {
        return actors(sim, threads, trace, Duration.ofMinutes(5));
    }

    /** @param stall how long the run may go without finishing (its one episode is done at once, so: the whole run) */
    public static Timed actors(SimulationSpec sim, int threads, Path trace, Duration stall) {
        long[] at = new long[2];
        ProgressListener clock = new ProgressListener() {
            @Override
            public void episode(ProbeActor.EpisodeResult result) {
            }

            @Override
            public void started() {
                at[0] = System.nanoTime();
            }

            @Override
            public void finished() {
                at[1] = System.nanoTime();
            }
        };
        SimulationRunner.Runtime rt = new SimulationRunner.Runtime(threads, 100, stall, trace,
                SimulationRunner.Executor.THREAD_POOL);
        try {
            RunResult r = SimulationRunner.run(sim, rt, clock);
            double[] s = Arrays.stream(r.states()).mapToDouble(v -> v[0]).toArray();
            return new Timed(s, (at[1] - at[0]) / 1e9, r);
        } catch (Exception e) {
            throw new IllegalStateException("the Langevin actors did not finish: " + e, e);
        }
    }
}
