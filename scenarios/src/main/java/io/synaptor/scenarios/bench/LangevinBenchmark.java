package io.synaptor.scenarios.bench;

import io.synaptor.scenarios.report.Report;

import io.synaptor.actors.SimulationRunner;
import io.synaptor.network.LangevinNetwork;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Synaptic updates per second of an overdamped Langevin network ({@link LangevinNetwork}: double-well
 * units, symmetric tanh couplings), the figure Brian2 is measured by (Brian2 2.5.1's cython target,
 * one thread, the same network measured beside this benchmark on a quiet 2-core machine: 760–780 M/s;
 * issue 17). Two sizes, as in the issue: N = 1,000 with 10%
 * and N = 10,000 with 1% of the pairs coupled, each for {@code steps} steps, run side by side
 * (a) on one thread, slice after slice, and (b) as one actor per slice on the dispatcher's threads.
 * Both give the same bits (checked), so the ratio is the actors' gain on this machine. A synaptic
 * update is one coupling W_ij tanh(s_j) added into a field; each timing is the best of three,
 * the actors' from connecting the slices until the last reports (the actor system's start, some
 * 0.1 s, is left out: it is paid once per run, not per step).
 */
public final class LangevinBenchmark {
    private LangevinBenchmark() {
    }

    /**
     * Brian2 2.5.1, cython target, one thread, on the same network measured beside this benchmark on a
     * quiet machine (issue 17's held-out check; REFERENCES.md): the lower end of its range, 760–780 M/s
     * (311–400 M/s under load). The 450–535 M/s quoted here before came from an older note and understated it.
     */
    public static final double BRIAN2_CYTHON = 760e6;

    public record Row(int size, double connectivity, long couplings, int steps, int slices,
                      double threadSeconds, double actorSeconds, double maxDifference) {
        public double threadRate() {
            return (double) couplings * steps / threadSeconds;
        }

        public double actorRate() {
            return (double) couplings * steps / actorSeconds;
        }
    }

    public record Report(int threads, List<Row> rows) {
        public String render() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "langevin benchmark: double-well units, tanh couplings, Euler–Maruyama, %d dispatcher thread%s%n",
                    threads, threads == 1 ? "" : "s"));
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, """
                          N = %,d, %.0f%% coupled (%,d couplings), %d steps, %d slices
                            one thread     %7.3f s  %,6.0f M synaptic updates/s
                            actors         %7.3f s  %,6.0f M synaptic updates/s  (ratio %.2f; final states differ by %.1e)
                        """, r.size(), 100 * r.connectivity(), r.couplings(), r.steps(), r.slices(),
                        r.threadSeconds(), r.threadRate() / 1e6, r.actorSeconds(), r.actorRate() / 1e6,
                        r.threadSeconds() / r.actorSeconds(), r.maxDifference()));
            }
            b.append(String.format(Locale.ROOT, "  Brian2 2.5.1 cython, one thread, the same network beside it on a quiet machine: %,.0f–780 M"
                    + " synaptic updates/s%n  (this simulator measured there: ≈ 0.7× Brian2 on one thread, ≈ 1.05× with the actors on two)",
                    BRIAN2_CYTHON / 1e6));
            return b.toString();
        }
    }

    /**
     * @param sizes  N of each network, with {@code connectivity[k]} the share of pairs coupled
     * @param slices population slices (actors) per network
     */
    public static Report run(int[] sizes, double[] connectivity, int steps, int slices, int threads, PrintStream log) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            LangevinNetwork.Spec spec = new LangevinNetwork.Spec(sizes[k], connectivity[k], 1.0, 1.0, 0.1, 0.05, 20240601L);
            log.printf(Locale.ROOT, "langevin benchmark: building N = %,d …%n", sizes[k]);
            LangevinNetwork net = new LangevinNetwork(spec, Math.min(slices, sizes[k]));
            double[] want = net.run(steps);
            double threadSeconds = Double.MAX_VALUE;
            double actorSeconds = Double.MAX_VALUE;
            double worst = 0;
            for (int rep = 0; rep < 3; rep++) {
                log.printf(Locale.ROOT, "langevin benchmark: N = %,d, run %d of 3 …%n", sizes[k], rep + 1);
                long t0 = System.nanoTime();
                double[] one = net.run(steps);
                threadSeconds = Math.min(threadSeconds, (System.nanoTime() - t0) / 1e9);
                Timed timed = actors(net, steps, threads);
                double[] got = timed.states();
                actorSeconds = Math.min(actorSeconds, timed.seconds());
                for (int u = 0; u < want.length; u++) {
                    worst = Math.max(worst, Math.max(Math.abs(want[u] - one[u]), Math.abs(want[u] - got[u])));
                }
            }
            for (double v : want) {
                if (!Double.isFinite(v)) throw new IllegalStateException("the Langevin network diverged (a state is " + v + ")");
            }
            rows.add(new Row(sizes[k], connectivity[k], net.couplings(), steps, net.slices(), threadSeconds, actorSeconds, worst));
        }
        return new Report(threads, rows);
    }

    /** The final states of one actor per slice, and the seconds from connecting them until the last one reports. */
    public record Timed(double[] states, double seconds) {
    }

    public static Timed actors(LangevinNetwork net, int steps, int threads) {
        int slices = net.slices();
        double[] out = new double[net.spec().size()];
        CompletableFuture<double[]> all = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
        int[] left = {slices};
        double[] seconds = new double[1];
        java.util.function.BiConsumer<Integer, double[]> done = (slice, s) -> {
            synchronized (left) {
                System.arraycopy(s, 0, out, net.from(slice), s.length);
                if (--left[0] == 0) {
                    seconds[0] = (System.nanoTime() - started.get()) / 1e9;
                    all.complete(out);
                }
            }
        };
        ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(ctx -> {
            List<ActorRef<LangevinSliceActor.Command>> refs = new ArrayList<>();
            for (int a = 0; a < slices; a++) refs.add(ctx.spawn(LangevinSliceActor.create(net, a, steps, done), "slice-" + a));
            LangevinSliceActor.Connect connect = new LangevinSliceActor.Connect(List.copyOf(refs));
            started.set(System.nanoTime());
            for (ActorRef<LangevinSliceActor.Command> r : refs) r.tell(connect);
            return Behaviors.empty();
        }), "langevin", SimulationRunner.pekkoConfig(new SimulationRunner.Runtime(threads, 100, java.time.Duration.ofMinutes(5))
                .with(SimulationRunner.Executor.THREAD_POOL)));
        try {
            all.get(5, TimeUnit.MINUTES);
            return new Timed(out, seconds[0]);
        } catch (Exception e) {
            throw new IllegalStateException("the Langevin actors did not finish: " + e, e);
        } finally {
            SimulationRunner.stop(system);
        }
    }
}
