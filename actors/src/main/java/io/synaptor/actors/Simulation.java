package io.synaptor.actors;

import io.synaptor.network.Coupling;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.BlockClock;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.Rules;
import io.synaptor.synapses.ShiftedSchedule;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * The builder: turns a {@link SimulationSpec} into actors — population slices (one unit each at
 * unit granularity, up to {@code blockSize} units of a layer at block granularity), one synapse
 * actor per block of couplings between two slices (one coupling at unit granularity), an input
 * source, a teacher and a probe — wires them, and lets them go. It takes no further part: the run
 * proceeds by local messages alone and ends when every actor has reached the end time on its own
 * clock.
 */
public final class Simulation {
    private Simulation() {
    }

    /** The couplings between slice I and slice J, in spec order; the block is named by its first. */
    private static final class Block {
        final int sliceI;
        final int sliceJ;
        final List<Integer> couplings = new ArrayList<>();

        Block(int sliceI, int sliceJ) {
            this.sliceI = sliceI;
            this.sliceJ = sliceJ;
        }
    }

    /** @param trace where every actor logs the messages it sends, or null for no trace */
    public static Behavior<Void> create(SimulationSpec spec, ProgressListener listener, CompletableFuture<RunResult> result,
                                        TraceSink trace) {
        return Behaviors.setup(ctx -> {
            try {
                return build(ctx, spec, listener, result, trace);
            } catch (RuntimeException e) {
                result.completeExceptionally(e); // a spec the actors cannot be built from fails the run now, not after a stall
                throw e;
            }
        });
    }

    private static Behavior<Void> build(ActorContext<Void> ctx, SimulationSpec spec,
                                        ProgressListener listener, CompletableFuture<RunResult> result, TraceSink trace) {
        NetworkSpec net = spec.network();
        PhaseSchedule schedule = spec.schedule();
        Timing timing = spec.timing();
        int n = net.size();
        IntFunction<TraceSink.Log> log = id -> trace == null ? null : trace.log(id);
        boolean complex = schedule.shape().complex();
        int row = (complex ? 2 : 1) * schedule.batch();
        List<Coupling> couplings = net.couplings();
        ActorRef<ProbeActor.Command> probe = ctx.spawn(
                ProbeActor.create(n, couplings.size(), schedule.episodes(), listener, result), "probe");

        List<int[]> slices = slices(net, spec.blockSize());
        int[] sliceOf = new int[n];
        for (int a = 0; a < slices.size(); a++) for (int u : slices.get(a)) sliceOf[u] = a;
        Map<Long, Block> byPair = new LinkedHashMap<>();
        for (int k = 0; k < couplings.size(); k++) {
            Coupling c = couplings.get(k);
            long key = (long) sliceOf[c.i()] * slices.size() + sliceOf[c.j()];
            byPair.computeIfAbsent(key, x -> new Block(sliceOf[c.i()], sliceOf[c.j()])).couplings.add(k);
        }
        List<Block> blocks = new ArrayList<>(byPair.values());
        // Each slice's slots: the blocks it takes part in, in order of their first coupling.
        List<List<Integer>> slotsOf = new ArrayList<>();
        for (int a = 0; a < slices.size(); a++) slotsOf.add(new ArrayList<>());
        for (int b = 0; b < blocks.size(); b++) {
            slotsOf.get(blocks.get(b).sliceI).add(b);
            if (blocks.get(b).sliceJ != blocks.get(b).sliceI) slotsOf.get(blocks.get(b).sliceJ).add(b);
        }

        int[] inputPosition = new int[n];
        int[] inputs = net.inputs();
        for (int d = 0; d < inputs.length; d++) inputPosition[inputs[d]] = d;
        @SuppressWarnings({"unchecked", "rawtypes"})
        ActorRef<ClampedUnitActor.Command>[] clamped = new ActorRef[slices.size()];
        List<ActorRef<ClampedUnitActor.Command>> inputRefs = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        List<Integer> inputIds = new ArrayList<>();
        for (int a = 0; a < slices.size(); a++) {
            int[] units = slices.get(a);
            if (net.roles()[units[0]] != Role.INPUT) continue;
            clamped[a] = ctx.spawn(ClampedUnitActor.create(units, net.activation(), row / schedule.batch(), schedule.endTime(),
                    probe, log.apply(units[0])), "in-" + units[0]);
            inputRefs.add(clamped[a]);
            columns.add(Arrays.stream(units).map(u -> inputPosition[u]).toArray());
            inputIds.add(units[0]);
        }
        ActorRef<InputSourceActor.Command> source = ctx.spawn(InputSourceActor.create(schedule, spec.train(), spec.test(),
                spec.window(), inputRefs, columns.toArray(int[][]::new), inputIds.stream().mapToInt(Integer::intValue).toArray(),
                probe, log.apply(-1)), "input-source");
        ActorRef<TeacherActor.Command> teacher = ctx.spawn(TeacherActor.create(
                schedule, spec.train(), spec.test(), spec.window(), source, net.outputs(), probe, log.apply(-2)), "teacher");

        int[] outputIndex = new int[n];
        Arrays.fill(outputIndex, -1);
        int[] outs = net.outputs();
        for (int o = 0; o < outs.length; o++) outputIndex[outs[o]] = o;
        @SuppressWarnings({"unchecked", "rawtypes"})
        ActorRef<UnitActor.Command>[] free = new ActorRef[slices.size()];
        for (int a = 0; a < slices.size(); a++) {
            int[] units = slices.get(a);
            if (clamped[a] != null) continue;
            int size = units.length;
            double[] biases = new double[size];
            LearningRule[] biasRules = new LearningRule[size];
            SplittableRandom[] noise = new SplittableRandom[size];
            NudgeSchedule[] clocks = new NudgeSchedule[size];
            int[] outIdx = new int[size];
            for (int k = 0; k < size; k++) {
                int u = units[k];
                clocks[k] = ShiftedSchedule.of(schedule, timing.skew(RandomStreams.Kind.UNIT, u));
                biases[k] = net.biases()[u];
                biasRules[k] = Rules.create(spec.rule(), clocks[k], spec.rateOfProjection(net.layerOf()[u] - 1), spec.rateDecay());
                noise[k] = RandomStreams.stream(spec.seed(), RandomStreams.Kind.UNIT, u);
                outIdx[k] = outputIndex[u];
            }
            UnitActor.Setup setup = new UnitActor.Setup(units, outIdx, slotsOf.get(a).size(), schedule.batch(), biases,
                    net.dynamics(complex), biasRules, schedule, spec.reset() || spec.persistent() != null, Rules.clampsOutputs(spec.rule()), noise, timing, clocks,
                    spec.persistent() == null ? null
                            : spec.persistent().states(units[0], schedule, size, net.dynamics(complex).components()));
            free[a] = ctx.spawn(UnitActor.create(setup, teacher, probe, log.apply(units[0])), "u-" + units[0]);
        }

        List<List<ActorRef<SynapseActor.Command>>> synapsesOf = new ArrayList<>();
        for (int a = 0; a < slices.size(); a++) synapsesOf.add(new ArrayList<>());
        List<ActorRef<SynapseActor.Command>> blockRefs = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            int[] unitsI = slices.get(block.sliceI);
            int[] unitsJ = slices.get(block.sliceJ);
            int first = block.couplings.get(0);
            // One clock for the block's rules, remembered between them (BlockClock); a single synapse needs none.
            NudgeSchedule shifted = ShiftedSchedule.of(schedule, timing.skew(RandomStreams.Kind.SYNAPSE, first));
            NudgeSchedule clock = block.couplings.size() > 1 ? new BlockClock(shifted) : shifted;
            double[] w = new double[unitsI.length * unitsJ.length];
            int[] index = new int[w.length];
            Arrays.fill(index, -1);
            LearningRule[] rules = new LearningRule[w.length];
            int delay = couplings.get(first).delay();
            for (int k : block.couplings) {
                Coupling c = couplings.get(k);
                if (c.delay() != delay) {
                    throw new IllegalArgumentException("block granularity needs one delay per block; couplings " + first
                            + " and " + k + " differ (" + delay + " and " + c.delay() + " steps)");
                }
                int cell = position(unitsI, c.i()) * unitsJ.length + position(unitsJ, c.j());
                w[cell] = c.weight();
                index[cell] = k;
                rules[cell] = Rules.create(spec.rule(), clock,
                        spec.rateOfProjection(Math.min(net.layerOf()[c.i()], net.layerOf()[c.j()])), spec.rateDecay());
            }
            SynapseActor.Ends ends = new SynapseActor.Ends(
                    unitsI, free[block.sliceI], slotsOf.get(block.sliceI).indexOf(b),
                    unitsJ, free[block.sliceJ], slotsOf.get(block.sliceJ).indexOf(b));
            ActorRef<SynapseActor.Command> syn = ctx.spawn(SynapseActor.create(first, ends,
                    new SynapseActor.Weights(w, index, rules), row, timing.link(first, 0, delay), timing.link(first, 1, delay),
                    timing.window(), schedule.endTime(), probe, log.apply(n + first), timing.free()), "s-" + first);
            blockRefs.add(syn);
        }
        for (int a = 0; a < slices.size(); a++) {
            List<Integer> slots = slotsOf.get(a);
            List<ActorRef<SynapseActor.Command>> refs = new ArrayList<>();
            int[] ids = new int[slots.size()];
            for (int k = 0; k < slots.size(); k++) {
                refs.add(blockRefs.get(slots.get(k)));
                ids[k] = n + blocks.get(slots.get(k)).couplings.get(0); // actor ids for the trace
            }
            if (free[a] != null) free[a].tell(new UnitActor.Connect(List.copyOf(refs), ids));
            else clamped[a].tell(new ClampedUnitActor.Connect(List.copyOf(refs), ids));
        }
        List<ActorRef<UnitActor.Command>> outputRefs = new ArrayList<>();
        for (int o : outs) outputRefs.add(free[sliceOf[o]]);
        teacher.tell(new TeacherActor.Start(outputRefs));
        source.tell(new InputSourceActor.Start());
        return Behaviors.empty();
    }

    /**
     * The population slices: every unit alone at unit granularity (block size 1); otherwise each
     * layer cut into consecutive slices of at most {@code blockSize} units.
     */
    static List<int[]> slices(NetworkSpec net, int blockSize) {
        List<int[]> out = new ArrayList<>();
        if (blockSize == 1) {
            for (int u = 0; u < net.size(); u++) out.add(new int[]{u});
            return out;
        }
        int layers = Arrays.stream(net.layerOf()).max().orElse(-1) + 1;
        for (int l = 0; l < layers; l++) {
            final int layer = l;
            int[] members = java.util.stream.IntStream.range(0, net.size()).filter(u -> net.layerOf()[u] == layer).toArray();
            for (int from = 0; from < members.length; from += blockSize) {
                out.add(Arrays.copyOfRange(members, from, Math.min(members.length, from + blockSize)));
            }
        }
        return out;
    }

    private static int position(int[] units, int u) {
        for (int k = 0; k < units.length; k++) if (units[k] == u) return k;
        throw new IllegalStateException("unit " + u + " is not in its slice");
    }
}
