package io.synaptor.actors;

import io.synaptor.network.AnnealedLangevinSlice;
import io.synaptor.network.AnnealingLadder;
import io.synaptor.network.Coupling;
import io.synaptor.network.DsmSubstrate;
import io.synaptor.network.LadderInput;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.RelaxingSlice;
import io.synaptor.network.Role;
import io.synaptor.network.SliceModel;
import io.synaptor.scheduler.RandomStreams;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.CouplingBlock;
import io.synaptor.synapses.FixedBlock;
import io.synaptor.synapses.SynapseModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Annealed Langevin sampling on a trained diffusion substrate (seed 000; docs/scenarios.md#thermo-diffusion),
 * on the common actors: the substrate's hidden and decoder units relax under their fields
 * ({@link RelaxingSlice}), the noisy-input units become the samples' coordinates
 * ({@link AnnealedLangevinSlice}: each moves by the score (x̂ − x)/σ² and its own thermal noise at the
 * Langevin steps), the conditioning units follow the ladder's σ ({@link LadderInput}), every coupling keeps
 * its trained weight ({@link FixedCoupling}), inputs feel nothing back, and a one-way readout of weight 1
 * brings each decoder unit's value to its coordinate. Every sample is a column of every vector, so one run
 * draws them all; the same seed gives the same bits on any number of threads.
 */
public final class SamplerRun {
    private SamplerRun() {
    }

    /**
     * @param trained   the trained network of a {@link DsmSubstrate} (inputs: D noisy coordinates, then the embedding)
     * @param gain      the substrate's input gain at level σ ({@link DsmSubstrate#gain}): the coordinates feed g(σ)·x
     * @param blockSize units per slice: 1, an actor per unit and per coupling; B &gt; 1, each population cut into
     *                  slices of at most B units and an actor per block of couplings between two slices (the
     *                  same samples up to the round-off of the products' summation order)
     * @return the samples, by sample then coordinate
     */
    public static double[][] sample(NetworkSpec trained, DoubleUnaryOperator gain, AnnealingLadder ladder, int samples, long seed,
                                    Engine engine, int blockSize) throws SimulationDiverged, SimulationStalled {
        // the denoiser relaxes deterministically; the samples carry the bath's noise
        NetworkSpec substrate = new NetworkSpec(trained.roles(), trained.layerOf(), trained.couplings(), trained.biases(),
                trained.activation(), trained.dt(), 0.0, trained.models(), trained.couplingModel());
        int n = substrate.size();
        int[] inputs = substrate.inputs();
        int[] outputs = substrate.outputs();
        int dimension = outputs.length;
        if (inputs.length != dimension + DsmSubstrate.CONDITIONING) {
            throw new IllegalArgumentException("a diffusion substrate has D noisy inputs and " + DsmSubstrate.CONDITIONING
                    + " conditioning ones; this one has " + inputs.length + " inputs for D = " + dimension);
        }
        // what each unit is: a coordinate, a conditioning unit (its embedding component), or a relaxing unit
        int[] coordinate = new int[n];
        int[] component = new int[n];
        java.util.Arrays.fill(coordinate, -1);
        java.util.Arrays.fill(component, -1);
        for (int d = 0; d < dimension; d++) coordinate[inputs[d]] = d;
        for (int k = 0; k < DsmSubstrate.CONDITIONING; k++) component[inputs[dimension + k]] = k;
        // slices: runs of consecutive units of one population and one kind, at most blockSize long
        List<int[]> slices = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            if (!current.isEmpty()) {
                int last = current.get(current.size() - 1);
                boolean same = substrate.layerOf()[last] == substrate.layerOf()[u] && kind(coordinate, component, last) == kind(coordinate, component, u);
                if (!same || current.size() == blockSize) {
                    slices.add(current.stream().mapToInt(Integer::intValue).toArray());
                    current.clear();
                }
            }
            current.add(u);
        }
        slices.add(current.stream().mapToInt(Integer::intValue).toArray());
        int[] sliceOf = new int[n];
        int[] positionOf = new int[n];
        for (int a = 0; a < slices.size(); a++) for (int k = 0; k < slices.get(a).length; k++) {
            sliceOf[slices.get(a)[k]] = a;
            positionOf[slices.get(a)[k]] = k;
        }
        UpdateModel update = engine.timing().update();
        SliceModel[] models = new SliceModel[slices.size()];
        for (int a = 0; a < models.length; a++) {
            int[] units = slices.get(a);
            int first = units[0];
            if (coordinate[first] >= 0) {
                SplittableRandom[] noise = new SplittableRandom[units.length];
                for (int k = 0; k < units.length; k++) noise[k] = RandomStreams.stream(seed, RandomStreams.Kind.UNIT, units[k]);
                models[a] = new AnnealedLangevinSlice(units, ladder, gain, samples, noise, update);
            } else if (component[first] >= 0) {
                models[a] = new LadderInput(units, component[first], ladder, samples);
            } else {
                double[] biases = new double[units.length];
                for (int k = 0; k < units.length; k++) biases[k] = substrate.biases()[units[k]];
                models[a] = new RelaxingSlice(units, substrate.dynamics(first, false), biases, samples, ladder.endTime(), update);
            }
        }
        // blocks: the network's couplings between two slices, then the readouts (coordinate d feels decoder unit d,
        // which feels nothing of it), each family grouped by its pair of slices
        List<Coupling> couplings = new ArrayList<>(substrate.couplings());
        int c0 = couplings.size();
        for (int d = 0; d < dimension; d++) couplings.add(new Coupling(inputs[d], outputs[d], 1.0, engine.delay()));
        Map<List<Integer>, List<Integer>> byPair = new LinkedHashMap<>();
        for (int c = 0; c < couplings.size(); c++) {
            Coupling k = couplings.get(c);
            byPair.computeIfAbsent(List.of(sliceOf[k.i()], sliceOf[k.j()], c < c0 ? 0 : 1), x -> new ArrayList<>()).add(c);
        }
        Role[] roles = substrate.roles();
        SynapseModel[] synapses = new SynapseModel[byPair.size()];
        int[][] ends = new int[synapses.length][];
        boolean[][] listens = new boolean[synapses.length][];
        int b = 0;
        for (var e : byPair.entrySet()) {
            int a = e.getKey().get(0);
            int z = e.getKey().get(1);
            boolean readout = e.getKey().get(2) == 1;
            int[] ids = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] cellA = new int[ids.length];
            int[] cellB = new int[ids.length];
            double[] w = new double[ids.length];
            for (int k = 0; k < ids.length; k++) {
                Coupling c = couplings.get(ids[k]);
                cellA[k] = positionOf[c.i()];
                cellB[k] = positionOf[c.j()];
                w[k] = c.weight();
            }
            synapses[b] = new FixedBlock(ids, new CouplingBlock(slices.get(a).length, slices.get(z).length, samples, cellA, cellB, w));
            ends[b] = new int[]{a, z};
            listens[b] = readout ? new boolean[]{true, false} : new boolean[]{roles[slices.get(a)[0]] != Role.INPUT, roles[slices.get(z)[0]] != Role.INPUT};
            b++;
        }
        RunResult r = SimulationRunner.run("sampler", "annealed Langevin sampling", (l, result, trace) -> ProtocolDriver.create(
                ctx -> reports -> Apparatus.spawn(ctx, models, synapses, ends, listens, 0, engine, reports, l, result,
                        id -> trace == null ? null : trace.log(id)),
                null, 0, 0, 1, trace == null ? null : trace.log(-2)), engine.runtime().get(), ProgressListener.NONE);
        double[][] x = new double[samples][dimension];
        for (int d = 0; d < dimension; d++) {
            double[] column = r.states()[inputs[d]];
            for (int s = 0; s < samples; s++) x[s][d] = column[s];
        }
        return x;
    }

    /** 0 a coordinate, 1 a conditioning unit, 2 a relaxing unit: a slice holds one kind. */
    private static int kind(int[] coordinate, int[] component, int u) {
        return coordinate[u] >= 0 ? 0 : component[u] >= 0 ? 1 : 2;
    }
}
