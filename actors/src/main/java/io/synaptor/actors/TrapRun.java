package io.synaptor.actors;

import io.synaptor.network.SliceModel;
import io.synaptor.network.TrapCouplingModel;
import io.synaptor.network.TrapLearner;
import io.synaptor.network.TrapParticles;
import io.synaptor.network.TrapSchedule;
import io.synaptor.neurons.HarmonicTrap;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.synapses.LearningRateProtocol;
import io.synaptor.synapses.SynapseModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The harmonic trap (Hnybida &amp; Verret 2025; docs/scenarios.md#harmonic-trap) on the common actors: per
 * protocol and repetition, {@code slices} unit actors hosting {@link TrapParticles} and one hosting the
 * {@link TrapLearner}, each slice coupled to the learner by a synapse actor ({@link TrapCouplingModel}) —
 * every repetition its own system, all in one run, nothing shared between them. Link delays, jitter and
 * loss, update models, windows and traces work as for every network; the learning alternates as the
 * scheme prescribes ({@link TrapSchedule}). The same seed gives the same bits whatever the threads: every
 * particle has its own stream (UNIT, repetition·N + i — the same for every protocol: common random numbers).
 */
public final class TrapRun {
    private TrapRun() {
    }

    /** What every repetition shares. Snapshots are taken in repetition 0 at {@code snapshotSteps}. */
    public record Plan(HarmonicTrap trap, double theta0, double thetaStar, int steps, int particles, int slices,
                       int repetitions, long seed, boolean[] snapshotSteps) {
    }

    /** One repetition: what its learner saw and did, and (repetition 0) the particles at the snapshot steps. */
    public record Repetition(TrapLearner.Trajectory trajectory, List<TrapParticles.Snapshot> snapshots) {
    }

    /** What a run returns: each protocol's repetitions in order, and the messages the run sent. */
    public record Outcome(Map<String, List<Repetition>> repetitions, long messages) {
    }

    /**
     * @param onDone told (from an actor's thread) as each repetition finishes
     */
    public static Outcome run(List<LearningRateProtocol> protocols, Plan plan, Engine engine, Runnable onDone)
            throws SimulationDiverged, SimulationStalled {
        int k = plan.slices();
        int perSystem = k + 1;
        int systems = protocols.size() * plan.repetitions();
        TrapSchedule schedule = new TrapSchedule(plan.steps(), engine.maxDelay());
        SliceModel[] units = new SliceModel[systems * perSystem];
        SynapseModel[] couplings = new SynapseModel[systems * k];
        int[][] ends = new int[systems * k][];
        TrapLearner[] learners = new TrapLearner[systems];
        TrapParticles[][] particles = new TrapParticles[systems][k];
        int[] from = new int[k + 1];
        for (int a = 0; a <= k; a++) from[a] = (int) ((long) plan.particles() * a / k);
        for (int p = 0; p < protocols.size(); p++) {
            LearningRateProtocol protocol = protocols.get(p);
            double dt = protocol.task().tau() / plan.steps();
            double initialMean = plan.theta0() - protocol.initialLag();
            for (int r = 0; r < plan.repetitions(); r++) {
                int system = p * plan.repetitions() + r;
                int base = system * perSystem;
                String label = protocol.name() + ", repetition " + r;
                for (int a = 0; a < k; a++) {
                    SplittableRandom[] noise = new SplittableRandom[from[a + 1] - from[a]];
                    for (int i = 0; i < noise.length; i++) {
                        noise[i] = RandomStreams.stream(plan.seed(), RandomStreams.Kind.UNIT, (long) r * plan.particles() + from[a] + i);
                    }
                    particles[system][a] = new TrapParticles(base + a, label, plan.trap(), dt, noise, initialMean, plan.theta0(), schedule,
                            engine.timing().update(), r == 0 ? plan.snapshotSteps() : null);
                    units[base + a] = particles[system][a];
                    couplings[system * k + a] = new TrapCouplingModel(system * k + a);
                    ends[system * k + a] = new int[]{base + a, base + k};
                }
                learners[system] = new TrapLearner(base + k, protocol, r, plan.theta0(), plan.thetaStar(), plan.particles(), schedule);
                units[base + k] = learners[system];
            }
        }
        ProgressListener done = new ProgressListener() {
            @Override
            public void episode(ProbeActor.EpisodeResult result) {
                onDone.run();
            }
        };
        RunResult result = SimulationRunner.run("harmonic-trap", "harmonic-trap run", (l, future, trace) -> ProtocolDriver.create(
                ctx -> reports -> Apparatus.spawn(ctx, units, couplings, ends, systems, engine, reports, l, future,
                        id -> trace == null ? null : trace.log(id)),
                null, 0, systems, schedule.period(), trace == null ? null : trace.log(-2)), engine.runtime().get(), done);
        // Every actor has reported its end to the probe, so its last write to a model happened before these reads.
        Map<String, List<Repetition>> out = new LinkedHashMap<>();
        for (int p = 0; p < protocols.size(); p++) {
            List<Repetition> list = new ArrayList<>();
            for (int r = 0; r < plan.repetitions(); r++) {
                int system = p * plan.repetitions() + r;
                list.add(new Repetition(learners[system].trajectory(), snapshots(particles[system], from, plan.particles())));
            }
            out.put(protocols.get(p).name(), list);
        }
        return new Outcome(out, result.messages());
    }

    /** The slices' snapshots joined into whole-population ones, in step order. */
    private static List<TrapParticles.Snapshot> snapshots(TrapParticles[] slices, int[] from, int particles) {
        List<TrapParticles.Snapshot> out = new ArrayList<>();
        List<List<TrapParticles.Snapshot>> each = new ArrayList<>();
        for (TrapParticles s : slices) each.add(s.snapshots());
        for (int j = 0; j < each.get(0).size(); j++) {
            double[] all = new double[particles];
            for (int a = 0; a < slices.length; a++) {
                double[] x = each.get(a).get(j).positions();
                System.arraycopy(x, 0, all, from[a], x.length);
            }
            out.add(new TrapParticles.Snapshot(each.get(0).get(j).step(), all));
        }
        return out;
    }
}
