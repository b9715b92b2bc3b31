package io.synaptor.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs one simulation in its own actor system and waits for it. The dispatcher's thread count and
 * throughput are settings (DESIGN.md, "Practical notes": 2 threads with throughput 100 beat the
 * default 8 threads on 2 cores); results never depend on them.
 */
public final class SimulationRunner {
    private SimulationRunner() {
    }

    /**
     * The dispatcher's executor. Measured on 2 cores (docs/performance.md): many small actors (unit
     * granularity) run best on Pekko's work-stealing fork-join pool; a few heavy actors (blocks,
     * slices) keep both cores busy only on a plain thread pool — under fork-join one worker took
     * three quarters of a Fashion-MNIST epoch's work and the other mostly waited.
     */
    public enum Executor {
        FORK_JOIN("fork-join-executor"), THREAD_POOL("thread-pool-executor");

        final String config;

        Executor(String config) {
            this.config = config;
        }
    }

    /**
     * @param threads    dispatcher threads (1 … 64)
     * @param throughput messages an actor handles before yielding its thread
     * @param stall      how long without any finished episode counts as a stalled run
     * @param trace      where to write the message trace, or null for none
     * @param executor   the dispatcher's executor
     */
    public record Runtime(int threads, int throughput, Duration stall, Path trace, Executor executor) {
        public Runtime(int threads, int throughput, Duration stall) {
            this(threads, throughput, stall, null, Executor.FORK_JOIN);
        }

        public Runtime with(Executor other) {
            return new Runtime(threads, throughput, stall, trace, other);
        }

        public static Runtime defaults() {
            return new Runtime(2, 100, Duration.ofMinutes(5));
        }
    }

    public static Config pekkoConfig(Runtime rt) {
        return ConfigFactory.parseString("""
                pekko {
                  loglevel = WARNING
                  stdout-loglevel = WARNING
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  jvm-shutdown-hooks = off
                  # One JVM needs no serialization: without this the extension starts eagerly and loads every
                  # serializer on the classpath — cluster mode's bring ~500 cluster and remoting classes —
                  # and the messaging benchmark ran ~25%% slower (docs/performance.md).
                  library-extensions = ["org.apache.pekko.actor.typed.internal.adapter.ActorSystemAdapter$LoadTypedExtensions"]
                  actor.default-dispatcher {
                    executor = "%s"
                    fork-join-executor { parallelism-min = %d, parallelism-max = %d, parallelism-factor = 1.0 }
                    thread-pool-executor { fixed-pool-size = %d }
                    throughput = %d
                  }
                }
                """.formatted(rt.executor().config, rt.threads(), rt.threads(), rt.threads(), rt.throughput())).withFallback(ConfigFactory.load());
    }

    /** Terminates an actor system and waits up to 10 s: best effort, whatever it computed is already in hand. */
    public static void stop(ActorSystem<?> system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // shutting down is best effort
        }
    }

    /** Cluster mode: when set (by {@code synaptor run --cluster}), every run of this JVM goes to the cluster's workers. */
    private static volatile ClusterClient cluster;

    public static void useCluster(ClusterClient client) {
        cluster = client;
    }

    public static RunResult run(SimulationSpec spec, Runtime rt, ProgressListener listener)
            throws SimulationDiverged, SimulationStalled {
        ClusterClient c = cluster;
        if (c != null) {
            if (rt.trace() != null) throw new IllegalArgumentException("trace.enabled records one JVM's messages; it is not available with --cluster");
            return c.run(spec, rt.stall(), listener);
        }
        return run("synaptor", "simulation", (l, result, trace) -> Simulation.create(spec, l, result, trace), rt, listener);
    }

    /** What a run's root actor is, given where the run's result goes, the listener to tell and the trace (null: none). */
    @FunctionalInterface
    interface Root {
        Behavior<?> create(ProgressListener listener, CompletableFuture<RunResult> result, TraceSink trace);
    }

    /**
     * Runs the actors {@code root} spawns in an actor system of their own, under the stall watch,
     * with the trace file the runtime names, and waits for the result its probe delivers.
     *
     * @param what the run's name in messages
     */
    static RunResult run(String name, String what, Root root, Runtime rt, ProgressListener listener)
            throws SimulationDiverged, SimulationStalled {
        Awaited run = new Awaited(listener);
        TraceSink trace;
        try {
            trace = rt.trace() == null ? null : new TraceSink(rt.trace());
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the trace file " + rt.trace(), e);
        }
        ActorSystem<?> system = ActorSystem.create(root.create(run.listener, run.result, trace), name, pekkoConfig(rt));
        try {
            return run.await(rt.stall(), what, () -> dispatcherThreads(system, rt.stall()));
        } finally {
            stop(system);
            if (trace != null) {
                try {
                    trace.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not finish the trace file " + rt.trace(), e);
                }
            }
        }
    }

    /**
     * What the run's dispatcher threads were doing when the stall watch gave up, sampled 20 times over
     * 0.2 s (one look can catch busy threads parked between two messages): parked in every sample
     * means every actor waits for a message — a protocol deadlock; a thread seen in Synaptor code is
     * named with its frames — an episode longer than the watch, or an actor that loops.
     */
    static String dispatcherThreads(ActorSystem<?> system, Duration stall) {
        String prefix = system.name() + "-pekko.actor.default-dispatcher";
        Map<String, String> busy = new java.util.TreeMap<>();
        int threads = 0;
        for (int sample = 0; sample < 20; sample++) {
            threads = 0;
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (!t.getName().startsWith(prefix)) continue;
                threads++;
                List<String> ours = Arrays.stream(e.getValue()).map(StackTraceElement::toString)
                        .filter(f -> f.startsWith("io.synaptor.") || f.contains("/io.synaptor.")).limit(6).toList();
                if (!ours.isEmpty()) busy.putIfAbsent(t.getName(), t.getState() + " at " + String.join(" < ", ours));
            }
            try {
                Thread.sleep(10); // spacing the samples, not waiting for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (busy.isEmpty()) {
            return ": all " + threads + " dispatcher threads idle in 20 looks over 0.2 s, so every actor waits for a message —"
                    + " a protocol deadlock; please report it with the run's config.conf";
        }
        StringBuilder b = new StringBuilder(": its actors are still working (");
        busy.forEach((name, frames) -> b.append(name).append(' ').append(frames).append("; "));
        b.setLength(b.length() - 2);
        return b.append(") — an episode longer than runtime.stall-timeout = ").append(stall.toSeconds())
                .append(" s (raise it), or an actor that never stops (please report it with the run's config.conf)").toString();
    }

    /**
     * A run's result as the probe delivers it, watched for stalls: {@link #listener} counts each
     * finished episode, {@link #await} waits for the result and fails the run when no episode has
     * finished for {@code stall}. Only time the watcher saw pass counts (each poll adds at most one
     * second), so a machine suspended and resumed mid-run is not taken for a stalled simulation.
     * Local and cluster runs share it.
     */
    static final class Awaited {
        private static final long MAX_POLL_GAP = TimeUnit.SECONDS.toNanos(1);
        final CompletableFuture<RunResult> result = new CompletableFuture<>();
        private final AtomicLong episodes = new AtomicLong();
        final ProgressListener listener;

        Awaited(ProgressListener inner) {
            this.listener = new ProgressListener() {
                @Override
                public void episode(ProbeActor.EpisodeResult r) {
                    episodes.incrementAndGet();
                    inner.episode(r);
                }

                @Override
                public void started() {
                    inner.started();
                }

                @Override
                public void finished() {
                    inner.finished();
                }
            };
        }

        /** @param what the run's name in messages; {@code hint} ends the stall message */
        RunResult await(Duration stall, String what, Supplier<String> hint) throws SimulationDiverged, SimulationStalled {
            long seen = episodes.get();
            long idle = 0;
            long lastPoll = System.nanoTime();
            while (true) {
                try {
                    return result.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    long done = episodes.get();
                    idle = done != seen ? 0 : idle + Math.min(now - lastPoll, MAX_POLL_GAP);
                    seen = done;
                    lastPoll = now;
                    if (idle > stall.toNanos()) {
                        throw new SimulationStalled("the " + what + " finished no episode for " + stall.toSeconds() + " s" + hint.get());
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SimulationDiverged d) throw d;
                    if (e.getCause() instanceof IllegalArgumentException bad) throw bad; // a spec the actors refuse
                    if (e.getCause() instanceof NodeLost lost) throw lost;
                    if (e.getCause() instanceof MessageLost lost) throw lost;
                    throw new IllegalStateException("the " + what + " failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SimulationStalled("interrupted");
                }
            }
        }
    }
}
