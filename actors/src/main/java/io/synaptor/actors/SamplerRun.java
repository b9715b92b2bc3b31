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
import io.synaptor.synapses.FixedCoupling;
import io.synaptor.synapses.SynapseModel;

import java.util.List;

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
     * @param trained the trained network of a {@link DsmSubstrate} (inputs: D noisy coordinates, then the embedding)
     * @return the samples, by sample then coordinate
     */
    public static double[][] sample(NetworkSpec trained, AnnealingLadder ladder, int samples, long seed, Engine engine)
            throws SimulationDiverged, SimulationStalled {
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
        SliceModel[] units = new SliceModel[n];
        for (int d = 0; d < dimension; d++) {
            units[inputs[d]] = new AnnealedLangevinSlice(inputs[d], ladder, samples, RandomStreams.stream(seed, RandomStreams.Kind.UNIT, inputs[d]),
                    engine.timing().update());
        }
        for (int k = 0; k < DsmSubstrate.CONDITIONING; k++) units[inputs[dimension + k]] = new LadderInput(inputs[dimension + k], k, ladder, samples);
        for (int u = 0; u < n; u++) {
            if (units[u] == null) units[u] = new RelaxingSlice(u, substrate.dynamics(u, false), substrate.biases()[u], samples, ladder.endTime(),
                    engine.timing().update());
        }
        List<Coupling> couplings = substrate.couplings();
        int c0 = couplings.size();
        SynapseModel[] synapses = new SynapseModel[c0 + dimension];
        int[][] ends = new int[c0 + dimension][];
        boolean[][] listens = new boolean[c0 + dimension][];
        Role[] roles = substrate.roles();
        for (int c = 0; c < c0; c++) {
            Coupling k = couplings.get(c);
            synapses[c] = new FixedCoupling(c, k.weight());
            ends[c] = new int[]{k.i(), k.j()};
            listens[c] = new boolean[]{roles[k.i()] != Role.INPUT, roles[k.j()] != Role.INPUT};
        }
        for (int d = 0; d < dimension; d++) { // the readout: coordinate d feels decoder unit d, which feels nothing of it
            synapses[c0 + d] = new FixedCoupling(c0 + d, 1.0);
            ends[c0 + d] = new int[]{inputs[d], outputs[d]};
            listens[c0 + d] = new boolean[]{true, false};
        }
        RunResult r = SimulationRunner.run("sampler", "annealed Langevin sampling", (l, result, trace) -> ProtocolDriver.create(
                ctx -> reports -> Apparatus.spawn(ctx, units, synapses, ends, listens, 0, engine, reports, l, result,
                        id -> trace == null ? null : trace.log(id)),
                null, 0, 0, 1, trace == null ? null : trace.log(-2)), engine.runtime().get(), ProgressListener.NONE);
        double[][] x = new double[samples][dimension];
        for (int d = 0; d < dimension; d++) {
            double[] column = r.states()[inputs[d]];
            for (int b = 0; b < samples; b++) x[b][d] = column[b];
        }
        return x;
    }
}
