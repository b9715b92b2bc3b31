package io.synaptor.tests;

import io.synaptor.actors.EchoRun;
import io.synaptor.actors.Engine;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.network.EchoNetwork;
import io.synaptor.network.EchoProgram;
import io.synaptor.network.EchoReference;
import io.synaptor.network.SequenceTasks;
import io.synaptor.network.Sequences;
import io.synaptor.neurons.Leapfrog;
import io.synaptor.neurons.Tanh;
import io.synaptor.scenarios.GradientStats;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.Optimizer;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hamiltonian echo learning on the actors against the dense reference's echoes and BPTT. */
class EchoActorsTest {
    static Engine engine(int delay, int threads) {
        return new Engine(delay, Timing.exact(16), () -> new SimulationRunner.Runtime(threads, 100, java.time.Duration.ofMinutes(2)));
    }

    @Test
    void actorsComputeTheReferenceEcho() throws Exception {
        EchoNetwork.Built b = EchoNetwork.recurrent(6, 1, 1, new Tanh(), new Leapfrog(0.1, 0), 0.5, 0.5, 1.0, new SplittableRandom(1));
        Sequences data = SequenceTasks.sineTracking(4, 100, 0.1, 1.0, 1, new SplittableRandom(3));
        int[][] batches = {{0, 1, 2, 3}};
        for (int delay : new int[]{1, 3}) {
            EchoProgram program = new EchoProgram(100, delay + 1, 1, 1e-3, EchoProgram.Form.SYMMETRIC);
            EchoRun.Outcome got = EchoRun.run(b.net(), b.init(), program, data, batches, 1, 0.0, Optimizer.SGD, engine(delay, 2),
                    ProgressListener.NONE);
            EchoReference ref = new EchoReference(b.net());
            double[] dense = ref.echoGradient(b.init(), data, batches[0], program).flat();
            double[] bptt = ref.bptt(b.init(), data, batches[0]).flat();
            double vsDense = GradientStats.relativeError(got.gradient().flat(), dense), vsBptt = GradientStats.relativeError(got.gradient().flat(), bptt);
            System.out.printf("delay %d: actors vs dense echo %.2e, vs BPTT %.2e, reference echo vs BPTT %.2e, messages %d%n", delay, vsDense,
                    vsBptt, GradientStats.relativeError(dense, bptt), got.messages());
            assertTrue(vsDense < 1e-9, "actors vs the dense echo: " + vsDense);
        }
    }

    /** Training (Adam, two minibatches) gives the same bits on 1 and 4 threads, under every timing model the actors offer. */
    @Test
    void trainingIsBitIdenticalOnAnyThreadCount() throws Exception {
        EchoNetwork.Built b = EchoNetwork.recurrent(5, 1, 2, new Tanh(), new Leapfrog(0.1, 0), 0.5, 0.5, 2.0, new SplittableRandom(2));
        Sequences data = SequenceTasks.noisySinusoids(8, 40, 0.2, new double[]{1.0, 2.0}, 0.5, 5, 1.0, new SplittableRandom(4));
        int[][] batches = {{0, 1, 2, 3}, {4, 5, 6, 7}};
        double[] rates = new double[7];
        java.util.Arrays.fill(rates, 0.9);
        Timing[] timings = {Timing.exact(7), new Timing(new UpdateModel(3, rates), 1, 0.05, 0, 3)};
        for (Timing timing : timings) {
            EchoProgram program = new EchoProgram(40, 2 + timing.jitter() + 1, 2, 1e-3, EchoProgram.Form.SYMMETRIC);
            double[] first = null;
            for (int threads : new int[]{1, 4}) {
                Engine engine = new Engine(2, timing, () -> new SimulationRunner.Runtime(threads, 100, java.time.Duration.ofMinutes(2)));
                EchoRun.Outcome o = EchoRun.run(b.net(), b.init(), program, data, batches, 2, 0.05, Optimizer.of("adam", 1.0), engine,
                        ProgressListener.NONE);
                double[] got = o.parameters().flat();
                assertTrue(!java.util.Arrays.equals(got, b.init().flat()), "the parameters learned");
                if (first == null) first = got;
                else org.junit.jupiter.api.Assertions.assertArrayEquals(first, got, "threads " + threads + ", jitter " + timing.jitter());
            }
        }
    }

    /**
     * Four minibatches of Adam steps: the actors' echo training is the dense reference's echo training to round-off,
     * and a step away from BPTT's by the echo's O(ε²) error only.
     */
    @Test
    void actorsTrainAsTheReferenceEchoesDo() throws Exception {
        EchoNetwork.Built b = EchoNetwork.recurrent(6, 1, 3, new Tanh(), new Leapfrog(0.2, 0), 0.5, 0.5, 1.0, new SplittableRandom(3));
        Sequences data = SequenceTasks.noisySinusoids(16, 30, 0.2, new double[]{1.0, 1.5, 2.0}, 1.0, 5, 1.0, new SplittableRandom(5));
        int[][] batches = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}, {12, 13, 14, 15}};
        EchoProgram program = new EchoProgram(30, 2, 4, 1e-3, EchoProgram.Form.SYMMETRIC);
        Optimizer adam = Optimizer.of("adam", 1.0);
        EchoRun.Outcome got = EchoRun.run(b.net(), b.init(), program, data, batches, 4, 0.01, adam, engine(1, 2), ProgressListener.NONE);
        EchoReference ref = new EchoReference(b.net());
        double[] dense = ref.train(b.init(), data, batches, 4, 0.01, adam, (p, d, ex) -> ref.echoGradient(p, d, ex, program), (p, e) -> {
        }).flat();
        double[] bptt = ref.train(b.init(), data, batches, 4, 0.01, adam, ref::bptt, (p, e) -> {
        }).flat();
        double[] start = b.init().flat(), moved = new double[start.length], vsDense = new double[start.length], vsBptt = new double[start.length];
        for (int k = 0; k < start.length; k++) {
            moved[k] = dense[k] - start[k];
            vsDense[k] = got.parameters().flat()[k] - dense[k];
            vsBptt[k] = got.parameters().flat()[k] - bptt[k];
        }
        double norm = Math.sqrt(java.util.Arrays.stream(moved).map(x -> x * x).sum());
        double dDense = Math.sqrt(java.util.Arrays.stream(vsDense).map(x -> x * x).sum()) / norm;
        double dBptt = Math.sqrt(java.util.Arrays.stream(vsBptt).map(x -> x * x).sum()) / norm;
        System.out.printf("training: actors vs the dense echoes %.2e, vs BPTT %.2e of the distance moved%n", dDense, dBptt);
        assertTrue(dDense < 1e-9, "actors vs the dense echo training: " + dDense);
        assertTrue(dBptt < 1e-2, "echo vs BPTT training: " + dBptt);
    }
}
