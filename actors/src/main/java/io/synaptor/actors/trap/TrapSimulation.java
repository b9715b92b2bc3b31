package io.synaptor.actors.trap;

import io.synaptor.actors.SimulationRunner;
import io.synaptor.neurons.HarmonicTrap;
import io.synaptor.synapses.LearningRateProtocol;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every protocol's repetitions side by side in one actor system: one {@link TrapLearnerActor}
 * per (protocol, repetition), each with its own particle slices; nothing is shared between them.
 */
public final class TrapSimulation {
    private TrapSimulation() {
    }

    /** A repetition went to NaN or infinity; names the first (in protocol and repetition order). */
    public static final class Diverged extends Exception {
        private static final long serialVersionUID = 1L;

        Diverged(String message) {
            super(message);
        }
    }

    /** What every repetition shares. Snapshots are taken in repetition 0 at {@code snapshotSteps}. */
    public record Plan(HarmonicTrap trap, double theta0, double thetaStar, int steps, int particles, int slices,
                       int repetitions, long seed, boolean[] snapshotSteps) {
    }

    /**
     * @param onDone called (from an actor's thread) as each repetition finishes
     * @return each protocol's trajectories, by repetition
     */
    public static Map<String, List<TrapLearnerActor.Trajectory>> run(List<LearningRateProtocol> protocols, Plan plan,
                                                                        SimulationRunner.Runtime runtime, Runnable onDone)
            throws Diverged, TimeoutException {
        int runs = protocols.size() * plan.repetitions();
        List<CompletableFuture<TrapLearnerActor.Trajectory>> futures = new ArrayList<>();
        for (int k = 0; k < runs; k++) futures.add(new CompletableFuture<>());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.<Void>setup(ctx -> {
            for (int p = 0; p < protocols.size(); p++) {
                for (int r = 0; r < plan.repetitions(); r++) {
                    CompletableFuture<TrapLearnerActor.Trajectory> f = futures.get(p * plan.repetitions() + r);
                    TrapLearnerActor.Setup setup = new TrapLearnerActor.Setup(protocols.get(p), plan.trap(), plan.theta0(),
                            plan.thetaStar(), plan.steps(), plan.particles(), plan.slices(), plan.seed(), r,
                            r == 0 ? plan.snapshotSteps() : null);
                    ctx.spawn(TrapLearnerActor.create(setup, t -> {
                        f.complete(t);
                        onDone.run();
                    }), protocols.get(p).name() + "-" + r);
                }
            }
            return Behaviors.empty();
        }), "harmonic-trap", SimulationRunner.pekkoConfig(runtime));
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(runtime.stall().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the harmonic-trap simulation did not finish within " + runtime.stall().toMinutes() + " minutes");
        } catch (Exception e) {
            throw new IllegalStateException("the harmonic-trap simulation failed: " + e, e);
        } finally {
            SimulationRunner.stop(system);
        }
        Map<String, List<TrapLearnerActor.Trajectory>> out = new LinkedHashMap<>();
        for (int p = 0; p < protocols.size(); p++) {
            List<TrapLearnerActor.Trajectory> list = new ArrayList<>();
            for (int r = 0; r < plan.repetitions(); r++) {
                TrapLearnerActor.Trajectory t = futures.get(p * plan.repetitions() + r).join();
                if (t.failure() != null) throw new Diverged(t.failure());
                list.add(t);
            }
            out.put(protocols.get(p).name(), list);
        }
        return out;
    }

    /** The default wait: a run of the default size takes seconds. */
    public static SimulationRunner.Runtime runtime(int threads, int throughput) {
        return new SimulationRunner.Runtime(threads, throughput, Duration.ofMinutes(10)).with(SimulationRunner.Executor.FORK_JOIN);
    }
}
