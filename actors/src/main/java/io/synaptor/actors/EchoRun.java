package io.synaptor.actors;

import io.synaptor.network.EchoCoupling;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.EchoSlice;
import io.synaptor.network.SequenceInput;
import io.synaptor.network.Sequences;
import io.synaptor.network.SliceModel;
import io.synaptor.synapses.Optimizer;
import io.synaptor.synapses.SynapseModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Hamiltonian echo learning (seed 002; docs/scenarios.md#echo-check) on the common actors: one
 * {@link UnitActor} per second-order unit hosting an {@link EchoSlice} and one per input channel hosting a
 * {@link SequenceInput}, one {@link SynapseActor} per coupling and per input link hosting an
 * {@link EchoCoupling}, and the probe — so link delays, jitter and loss, update models, windows and traces
 * work as for every other network. Forward pass and echoes are one program read from every actor's clock
 * ({@link EchoProgram}); nothing but values and drives travels. The same seed gives the same bits
 * whatever the number of threads: nothing here draws a random number, and every sum is taken in a fixed
 * order by its owner.
 */
public final class EchoRun {
    private EchoRun() {
    }

    /**
     * What a run returns: the parameters at its end, each parameter's last echo estimate of the gradient
     * of the minibatch's summed loss (biases and stiffnesses included), the summed loss of each
     * episode's forward pass, each episode's readouts [example][output], the largest miss of the first
     * echo's return to rest (meaningful at ε = 0), and the messages sent.
     */
    public record Outcome(EchoNetwork.Parameters parameters, EchoNetwork.Parameters gradient, List<Double> losses,
                          List<double[][]> readouts, double reversibility, long messages) {
    }

    /**
     * @param minibatches the examples of each of the program's episodes
     * @param perEpoch    episodes per epoch (Adam's moments restart each epoch)
     * @param rate        η (0: nothing learns)
     */
    public static Outcome run(EchoNetwork net, EchoNetwork.Parameters init, EchoProgram program, Sequences data, int[][] minibatches,
                              int perEpoch, double rate, Optimizer optimizer, Engine engine, ProgressListener listener)
            throws SimulationDiverged, SimulationStalled {
        if (minibatches.length != program.episodes()) {
            throw new IllegalArgumentException("the program has " + program.episodes() + " episodes, the minibatches " + minibatches.length);
        }
        int n = net.units();
        int channels = net.inputs();
        int[] outputOf = new int[n];
        java.util.Arrays.fill(outputOf, -1);
        for (int o = 0; o < net.outputs().length; o++) outputOf[net.outputs()[o]] = o;
        EchoSlice[] units = new EchoSlice[n];
        SliceModel[] slices = new SliceModel[n + channels];
        for (int i = 0; i < n; i++) {
            units[i] = new EchoSlice(net, i, outputOf[i], init, program, data, minibatches, perEpoch, rate, optimizer, engine.timing().update());
            slices[i] = units[i];
        }
        for (int k = 0; k < channels; k++) slices[n + k] = new SequenceInput(n + k, k, program, data, minibatches);
        int pairs = net.pairs().length;
        int links = net.inputLinks().length;
        SynapseModel[] models = new SynapseModel[pairs + links];
        int[][] ends = new int[pairs + links][];
        boolean[][] listens = new boolean[pairs + links][];
        double dt = net.leapfrog().dt();
        for (int c = 0; c < pairs; c++) {
            models[c] = new EchoCoupling(c, net.kind(), init.w()[c], program, dt, net.learns(EchoNetwork.Group.COUPLINGS) ? rate : 0.0,
                    optimizer, perEpoch);
            ends[c] = net.pairs()[c].clone();
            listens[c] = new boolean[]{true, true};
        }
        for (int l = 0; l < links; l++) {
            models[pairs + l] = new EchoCoupling(pairs + l, EchoNetwork.Kind.PAIRWISE, init.in()[l], program, dt,
                    net.learns(EchoNetwork.Group.INPUTS) ? rate : 0.0, optimizer, perEpoch);
            ends[pairs + l] = new int[]{n + net.inputLinks()[l][0], net.inputLinks()[l][1]};
            listens[pairs + l] = new boolean[]{false, true}; // the input feels nothing back
        }
        long reports = program.episodes() * net.outputs().length;
        RunResult result = SimulationRunner.run("hamiltonian", "echo run", (l, future, trace) -> ProtocolDriver.create(
                ctx -> r -> Apparatus.spawn(ctx, slices, models, ends, listens, reports, engine, r, l, future,
                        id -> trace == null ? null : trace.log(id)),
                null, 0, reports, program.period(), trace == null ? null : trace.log(-2)), engine.runtime().get(), listener);
        // Every actor has reported its end to the probe, so its last write to a model happened before these reads.
        EchoNetwork.Parameters end = init.copy(), gradient = init.zeros();
        for (int c = 0; c < pairs; c++) {
            end.w()[c] = models[c].weight(0);
            gradient.w()[c] = models[c].lastGradient(0);
        }
        for (int l = 0; l < links; l++) {
            end.in()[l] = models[pairs + l].weight(0);
            gradient.in()[l] = models[pairs + l].lastGradient(0);
        }
        for (int i = 0; i < n; i++) {
            end.bias()[i] = units[i].bias(0);
            end.stiffness()[i] = units[i].stiffness();
            gradient.bias()[i] = units[i].lastBiasGradient(0);
            gradient.stiffness()[i] = units[i].lastStiffnessGradient();
        }
        List<Double> losses = new ArrayList<>();
        List<double[][]> readouts = new ArrayList<>();
        int outs = net.outputs().length;
        for (int e = 0; e < program.episodes(); e++) {
            double loss = 0;
            double[][] r = new double[minibatches[e].length][outs];
            for (int o = 0; o < outs; o++) {
                EchoSlice u = units[net.outputs()[o]];
                loss += u.losses().get(e);
                for (int b = 0; b < r.length; b++) r[b][o] = u.readouts().get(e)[b];
            }
            losses.add(loss);
            readouts.add(r);
        }
        double reversibility = 0;
        for (EchoSlice u : units) for (double miss : u.returns()) reversibility = Math.max(reversibility, miss);
        return new Outcome(end, gradient, List.copyOf(losses), List.copyOf(readouts), reversibility, result.messages());
    }
}
