package io.synaptor.actors;

import io.synaptor.network.SliceModel;
import io.synaptor.synapses.SynapseModel;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A network of models on the common actors, spawned and wired: one {@link UnitActor} per slice model
 * (actor u hosts {@code slices[u]}: one unit, or a population's slice), one {@link SynapseActor} per synapse
 * model (synapse c joins slices ends[c][0] and ends[c][1]: one coupling, or a block), each unit's synapses in slot order by increasing index, every link with the
 * engine's delay and timing, and the probe. Trace ids: unit u is u, synapse c is N + c.
 *
 * @param units the unit actors, by unit
 */
record Apparatus(List<ActorRef<UnitActor.Command>> units, ActorRef<ProbeActor.Command> probe) {

    /**
     * @param episodes what the probe waits for besides every actor's end ({@link ProbeActor})
     * @param reports  where the units' reports go (the experimenter)
     */
    static Apparatus spawn(ActorContext<?> ctx, SliceModel[] slices, SynapseModel[] synapses, int[][] ends, long episodes, Engine engine,
                           ActorRef<TeacherActor.Command> reports, ProgressListener listener, CompletableFuture<RunResult> result,
                           IntFunction<TraceSink.Log> log) {
        return spawn(ctx, slices, synapses, ends, null, episodes, engine, reports, listener, result, log);
    }

    /**
     * The same, where {@code listens[c]} says whether each end of synapse c feels its drive (null: both do):
     * an end that does not — an input the substrate reads, a sampler's readout source — sends its values
     * to the synapse and gets nothing back, as a clamped input does.
     */
    static Apparatus spawn(ActorContext<?> ctx, SliceModel[] slices, SynapseModel[] synapses, int[][] ends, boolean[][] listens,
                           long episodes, Engine engine, ActorRef<TeacherActor.Command> reports, ProgressListener listener,
                           CompletableFuture<RunResult> result, IntFunction<TraceSink.Log> log) {
        int n = slices.length;
        List<List<Integer>> incident = new ArrayList<>(); // the synapses a unit tells its value, in index order
        List<List<Integer>> slots = new ArrayList<>();    // those whose drive it feels: its inbox slots
        for (int u = 0; u < n; u++) {
            incident.add(new ArrayList<>());
            slots.add(new ArrayList<>());
        }
        for (int c = 0; c < synapses.length; c++) {
            for (int end = 0; end < 2; end++) {
                incident.get(ends[c][end]).add(c);
                if (listens == null || listens[c][end]) slots.get(ends[c][end]).add(c);
            }
        }
        // the probe counts units and couplings, whatever slices and blocks hold them
        int unitCount = java.util.Arrays.stream(slices).mapToInt(m -> m.units().length).sum();
        int cellCount = java.util.Arrays.stream(synapses).mapToInt(SynapseModel::cells).sum();
        ActorRef<ProbeActor.Command> probe = ctx.spawn(ProbeActor.create(unitCount, cellCount, episodes, 1, listener, result), "probe");
        List<ActorRef<UnitActor.Command>> units = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            UnitActor.Setup setup = new UnitActor.Setup(slices[u], slots.get(u).size(), engine.timing());
            units.add(ctx.spawn(UnitActor.create(setup, reports, probe, log.apply(u), null), "u-" + u));
        }
        long endTime = slices[0].endTime();
        List<ActorRef<SynapseActor.Command>> refs = new ArrayList<>();
        for (int c = 0; c < synapses.length; c++) {
            int a = ends[c][0];
            int b = ends[c][1];
            boolean feelsA = listens == null || listens[c][0];
            boolean feelsB = listens == null || listens[c][1];
            SynapseActor.Ends wired = new SynapseActor.Ends(slices[a].units(), feelsA ? units.get(a) : null, slots.get(a).indexOf(c),
                    slices[b].units(), feelsB ? units.get(b) : null, slots.get(b).indexOf(c));
            refs.add(ctx.spawn(SynapseActor.create(c, wired, synapses[c], engine.timing().link(c, 0, engine.delay()),
                    engine.timing().link(c, 1, engine.delay()), engine.timing().window(), endTime, probe, log.apply(n + c),
                    engine.timing().free(), null), "s-" + c));
        }
        for (int u = 0; u < n; u++) {
            List<Integer> mine = incident.get(u);
            units.get(u).tell(new UnitActor.Connect(mine.stream().map(refs::get).toList(), mine.stream().mapToInt(c -> n + c).toArray()));
        }
        listener.started();
        return new Apparatus(List.copyOf(units), probe);
    }
}
