package io.synaptor.actors;

import io.synaptor.network.ResetHold;
import io.synaptor.network.SliceEpisode;
import io.synaptor.network.Coupling;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.neurons.UnitDynamics;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.Timing;
import io.synaptor.synapses.BlockClock;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.CouplingBlock;
import io.synaptor.synapses.RuleBlock;
import io.synaptor.synapses.Rules;
import io.synaptor.synapses.SynapseModel;
import io.synaptor.synapses.ShiftedSchedule;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * What actors a {@link SimulationSpec} becomes, decided once and the same on every node: population
 * slices (one unit each at unit granularity, up to {@code blockSize} units of a layer at block
 * granularity), one synapse actor per block of couplings between two slices, an input source, a
 * teacher and a probe. Each actor's behavior is built on demand from its index, so a single JVM
 * ({@link Simulation}) and a cluster node hosting some of them ({@link ClusterNode}) build the same.
 */
final class SimulationPlan {
    /** The couplings between slice I and slice J, in spec order; the block is named by its first. */
    record Block(int sliceI, int sliceJ, List<Integer> couplings) {
        int first() {
            return couplings.get(0);
        }
    }

    final SimulationSpec spec;
    final List<int[]> slices;
    final List<Block> blocks;
    /** Each slice's slots: the blocks it takes part in, in order of their first coupling. */
    final List<List<Integer>> slotsOf;
    final int[] sliceOf;
    /** Each unit's position in its slice. */
    private final int[] positionOf;
    final int row;
    private final int[] outputIndex;
    private final int resetHold; // once: it scans every coupling for the longest delay (per unit, a million-synapse net took minutes)

    SimulationPlan(SimulationSpec spec) {
        this.spec = spec;
        NetworkSpec net = spec.network();
        int n = net.size();
        this.row = (spec.schedule().shape().complex() ? 2 : 1) * spec.schedule().batch();
        this.slices = slices(net, spec.blockSize());
        this.sliceOf = new int[n];
        this.positionOf = new int[n];
        for (int a = 0; a < slices.size(); a++) {
            int[] units = slices.get(a);
            for (int k = 0; k < units.length; k++) {
                sliceOf[units[k]] = a;
                positionOf[units[k]] = k;
            }
        }
        Map<Long, Block> byPair = new LinkedHashMap<>();
        List<Coupling> couplings = net.couplings();
        for (int k = 0; k < couplings.size(); k++) {
            Coupling c = couplings.get(k);
            long key = (long) sliceOf[c.i()] * slices.size() + sliceOf[c.j()];
            byPair.computeIfAbsent(key, x -> new Block(sliceOf[c.i()], sliceOf[c.j()], new ArrayList<>())).couplings().add(k);
        }
        this.blocks = List.copyOf(byPair.values());
        this.slotsOf = new ArrayList<>();
        for (int a = 0; a < slices.size(); a++) slotsOf.add(new ArrayList<>());
        for (int b = 0; b < blocks.size(); b++) {
            slotsOf.get(blocks.get(b).sliceI()).add(b);
            if (blocks.get(b).sliceJ() != blocks.get(b).sliceI()) slotsOf.get(blocks.get(b).sliceJ()).add(b);
        }
        this.outputIndex = new int[n];
        Arrays.fill(outputIndex, -1);
        int[] outs = net.outputs();
        for (int o = 0; o < outs.length; o++) outputIndex[outs[o]] = o;
        this.resetHold = ResetHold.steps(net, spec.timing());
    }

    boolean clamped(int slice) {
        return spec.network().roles()[slices.get(slice)[0]] == Role.INPUT;
    }

    /** Which of a cluster run's workers (0 … W − 1) hosts each slice and each block ({@link #placement}). */
    record Placement(int[] sliceNode, int[] blockNode) {
    }

    /**
     * Where each actor of the run lives on {@code nodes} workers (issue 24, item 2): placement for locality
     * and balance, decided on the submitter and the same on any machine. Each block lives with the end it
     * would send the most to — its larger unclamped slice (a clamped input slice sends once an episode, a
     * relaxing slice every step; ties: the upper layer's) — so an input projection's blocks sit with the
     * hidden slices they feed and the messages that cross nodes are the few between such groups. The groups
     * (a slice and its blocks) are then cut, in slice order (layer by layer), into W consecutive runs of
     * about equal work, a group's work counted as its units plus its blocks' couplings: a group goes to the
     * node in whose share its midpoint falls. Results never depend on it (virtual time).
     */
    Placement placement(int nodes) {
        int[] owner = new int[blocks.size()];
        long[] work = new long[slices.size()];
        for (int a = 0; a < slices.size(); a++) work[a] = slices.get(a).length;
        for (int b = 0; b < blocks.size(); b++) {
            owner[b] = host(blocks.get(b));
            work[owner[b]] += blocks.get(b).couplings().size();
        }
        long total = Arrays.stream(work).sum();
        int[] sliceNode = new int[slices.size()];
        long before = 0;
        for (int a = 0; a < slices.size(); a++) {
            double middle = before + work[a] / 2.0;
            sliceNode[a] = (int) Math.min(nodes - 1, Math.floor(middle / total * nodes));
            before += work[a];
        }
        int[] blockNode = new int[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) blockNode[b] = sliceNode[owner[b]];
        return new Placement(sliceNode, blockNode);
    }

    /** The slice a block lives with: its larger unclamped end; between equals, the upper layer's (the later slice). */
    private int host(Block block) {
        int i = block.sliceI();
        int j = block.sliceJ();
        if (clamped(i)) return j;
        if (clamped(j)) return i;
        int ni = slices.get(i).length;
        int nj = slices.get(j).length;
        return ni != nj ? (ni > nj ? i : j) : Math.max(i, j);
    }

    Behavior<ProbeActor.Command> probe(ProgressListener listener, CompletableFuture<RunResult> result) {
        return ProbeActor.create(spec.network().size(), spec.network().couplings().size(), spec.schedule().episodes(), 2,
                listener, result);
    }

    Behavior<ClampedUnitActor.Command> input(int slice, ActorRef<ProbeActor.Command> probe, TraceSink.Log log) {
        PhaseSchedule schedule = spec.schedule();
        int[] units = slices.get(slice);
        int[] positions = spec.monitor().positionsIn(units, true);
        StateMonitor monitor = positions == null ? null : new StateMonitor(spec.monitor(), schedule, positions, schedule.batch(), schedule.batch(), 1);
        return ClampedUnitActor.create(units, spec.network().presented(), row / schedule.batch(),
                schedule.endTime(), probe, log, monitor);
    }

    /** The input slices in slice order. */
    List<Integer> inputSlices() {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < slices.size(); a++) if (clamped(a)) out.add(a);
        return out;
    }

    /** @param inputs the input slices' refs, in {@link #inputSlices()} order */
    Behavior<InputSourceActor.Command> source(List<ActorRef<ClampedUnitActor.Command>> inputs,
                                              ActorRef<ProbeActor.Command> probe, TraceSink.Log log) {
        NetworkSpec net = spec.network();
        int[] inputPosition = new int[net.size()];
        int[] in = net.inputs();
        for (int d = 0; d < in.length; d++) inputPosition[in[d]] = d;
        List<Integer> slicesIn = inputSlices();
        int[][] columns = new int[slicesIn.size()][];
        int[] ids = new int[slicesIn.size()];
        for (int k = 0; k < columns.length; k++) {
            int[] units = slices.get(slicesIn.get(k));
            columns[k] = Arrays.stream(units).map(u -> inputPosition[u]).toArray();
            ids[k] = units[0];
        }
        return InputSourceActor.create(spec.schedule(), spec.train(), spec.test(), spec.window(), inputs, columns, ids, probe, log);
    }

    Behavior<TeacherActor.Command> teacher(ActorRef<InputSourceActor.Command> source, ActorRef<ProbeActor.Command> probe,
                                           TraceSink.Log log) {
        return TeacherActor.create(spec.schedule(), spec.train(), spec.test(), spec.window(), source,
                spec.network().outputs(), probe, log);
    }

    Behavior<UnitActor.Command> unit(int slice, ActorRef<TeacherActor.Command> teacher, ActorRef<ProbeActor.Command> probe,
                                     TraceSink.Log log) {
        NetworkSpec net = spec.network();
        PhaseSchedule schedule = spec.schedule();
        Timing timing = spec.timing();
        boolean complex = schedule.shape().complex();
        int[] units = slices.get(slice);
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
            biasRules[k] = Rules.create(spec.rule(), clocks[k], spec.rates().bias(u, spec.rate()), spec.optimizer());
            noise[k] = RandomStreams.stream(spec.seed(), RandomStreams.Kind.UNIT, u);
            outIdx[k] = outputIndex[u];
        }
        for (int u : units) { // a slice is stepped by one model
            if (net.models()[u] != net.models()[units[0]]) {
                throw new IllegalArgumentException("units " + units[0] + " and " + u + " share a slice but not a unit model ("
                        + net.models()[units[0]].name() + ", " + net.models()[u].name() + "); give each model its own population");
            }
        }
        UnitDynamics dynamics = net.dynamics(units[0], complex);
        SliceEpisode.Setup episode = new SliceEpisode.Setup(units, outIdx, schedule.batch(), biases,
                dynamics, biasRules, schedule, spec.reset() || spec.persistent() != null,
                Rules.named(spec.rule()).clamp(), noise, timing.update(), clocks,
                spec.persistent() == null ? null
                        : spec.persistent().states(units[0], schedule, size, dynamics.components()),
                spec.residualThreshold(), resetHold);
        UnitActor.Setup setup = new UnitActor.Setup(new SliceEpisode(episode), slotsOf.get(slice).size(), timing);
        int[] positions = spec.monitor().positionsIn(units, true);
        StateMonitor monitor = positions == null ? null
                : new StateMonitor(spec.monitor(), schedule, positions, schedule.batch(), row, row / schedule.batch());
        return UnitActor.create(setup, teacher, probe, log, monitor);
    }

    /** @param refI the slice refs at the block's ends (null for a clamped input slice) */
    Behavior<SynapseActor.Command> block(int b, ActorRef<UnitActor.Command> refI, ActorRef<UnitActor.Command> refJ,
                                         ActorRef<ProbeActor.Command> probe, TraceSink.Log log) {
        Block block = blocks.get(b);
        List<Coupling> couplings = spec.network().couplings();
        Timing timing = spec.timing();
        int[] unitsI = slices.get(block.sliceI());
        int[] unitsJ = slices.get(block.sliceJ());
        int first = block.first();
        // One clock for the block's rule, remembered between its questions (BlockClock); a single synapse needs none.
        NudgeSchedule shifted = ShiftedSchedule.of(spec.schedule(), timing.skew(RandomStreams.Kind.SYNAPSE, first));
        NudgeSchedule clock = block.couplings().size() > 1 ? new BlockClock(shifted) : shifted;
        int m = block.couplings().size(); // one cell per coupling, in spec order
        double[] w = new double[m];
        int[] index = new int[m];
        int[] cellI = new int[m];
        int[] cellJ = new int[m];
        double[] rates = new double[m];
        int delay = couplings.get(first).delay();
        int[] layerOf = spec.network().layerOf();
        for (int cell = 0; cell < m; cell++) {
            int k = block.couplings().get(cell);
            Coupling c = couplings.get(k);
            if (c.delay() != delay) {
                throw new IllegalArgumentException("block granularity needs one delay per block; couplings " + first
                        + " and " + k + " differ (" + delay + " and " + c.delay() + " steps)");
            }
            cellI[cell] = positionOf[c.i()];
            cellJ[cell] = positionOf[c.j()];
            w[cell] = c.weight();
            index[cell] = k;
            rates[cell] = spec.rates().coupling(k, spec.rate());
        }
        SynapseActor.Ends ends = new SynapseActor.Ends(
                unitsI, refI, slotsOf.get(block.sliceI()).indexOf(b),
                unitsJ, refJ, slotsOf.get(block.sliceJ()).indexOf(b));
        int[] positions = spec.monitor().positionsIn(index, false);
        StateMonitor monitor = positions == null ? null : new StateMonitor(spec.monitor(), spec.schedule(), positions, 1, 1, 1);
        SynapseModel model = new RuleBlock(new CouplingBlock(unitsI.length, unitsJ.length, row, cellI, cellJ, w), index,
                Rules.createBlock(spec.rule(), clock, rates, spec.optimizer()), unitsI.length == 1 && unitsJ.length == 1);
        return SynapseActor.create(first, ends, model,
                timing.link(first, 0, delay), timing.link(first, 1, delay), timing.window(), spec.schedule().endTime(),
                probe, log, timing.free(), monitor);
    }

    /** Actor id of a block in traces: units come first, then couplings. */
    int blockId(int b) {
        return spec.network().size() + blocks.get(b).first();
    }

    /** The slice's synapses in slot order, and their actor ids. */
    List<ActorRef<SynapseActor.Command>> synapsesOf(int slice, IntFunction<ActorRef<SynapseActor.Command>> blockRef) {
        List<ActorRef<SynapseActor.Command>> refs = new ArrayList<>();
        for (int b : slotsOf.get(slice)) refs.add(blockRef.apply(b));
        return List.copyOf(refs);
    }

    int[] synapseIdsOf(int slice) {
        return slotsOf.get(slice).stream().mapToInt(this::blockId).toArray();
    }

    /** The output units' slices, in output order (an output slice appears once per output it hosts). */
    int[] outputSlices() {
        return Arrays.stream(spec.network().outputs()).map(o -> sliceOf[o]).toArray();
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
}
