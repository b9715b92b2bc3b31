package io.synaptor.scenarios.bench;

import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.network.BatchedRelaxation;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LayeredNetworks;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.neurons.Activation;
import io.synaptor.scheduler.Timing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Block granularity against the plain way (issue 5): the free relaxation of one minibatch through a
 * layered net, once by the actors at block granularity on the dispatcher's threads, once by a single
 * thread updating whole layers as EJML matrices ({@link BatchedRelaxation}). Both compute the same
 * dynamics (link delay one step), so the benchmark also reports how far their final states differ.
 * Each side runs once to warm up, then is timed; the ratio is dense time over actor time.
 */
public final class RelaxBenchmark {
    private RelaxBenchmark() {
    }

    public record Report(int[] layers, int batch, int steps, int blockSize, int threads, double denseSeconds,
                         double actorSeconds, double maxDifference, long messages) {
        public double ratio() {
            return denseSeconds / actorSeconds;
        }

        public String render() {
            return String.format("""
                    relax benchmark: layers %s, minibatch %d, %d steps, blocks of %d units, %d dispatcher threads
                      synchronous dense EJML (1 thread)  %8.3f s
                      actors, block granularity          %8.3f s  (%,d messages)
                      final states agree within %.1e
                      ratio (dense / actors) = %.2f""", java.util.Arrays.toString(layers), batch, steps, blockSize, threads,
                    denseSeconds, actorSeconds, messages, maxDifference, ratio());
        }
    }

    public static Report run(int[] layers, int batch, int steps, int blockSize, int threads, PrintStream log)
            throws SimulationDiverged, SimulationStalled {
        SplittableRandom r = new SplittableRandom(7);
        NetworkSpec net0 = LayeredNetworks.build(layers, 1, Activation.named("sigmoid"), 0.5, 0.0, r.split());
        double[] biases = new double[net0.size()];
        for (int u = layers[0]; u < biases.length; u++) biases[u] = 0.2 * (r.nextDouble() - 0.5);
        NetworkSpec net = net0.withParameters(net0.weights(), biases);
        double[][] x = new double[batch][layers[0]];
        double[][] y = new double[batch][layers[layers.length - 1]];
        for (double[] row : x) for (int k = 0; k < row.length; k++) row[k] = r.nextDouble();
        for (double[] row : y) row[0] = 1.0;
        LabeledData data = new LabeledData(x, y);

        BatchedRelaxation dense = new BatchedRelaxation(net);
        log.println("relax benchmark: warm-up …");
        dense.relax(x, steps);
        long t0 = System.nanoTime();
        double[][] want = dense.relax(x, steps);
        double denseSeconds = (System.nanoTime() - t0) / 1e9;

        PhaseSchedule schedule = new PhaseSchedule(batch, steps, 1, 0.1, false, 7, 1, 0, batch);
        SimulationSpec spec = new SimulationSpec(net, schedule, "one-sided", 0.0, new LabeledData(new double[0][], new double[0][]),
                data, true, 7, 2, Timing.exact(net.size()), blockSize);
        SimulationRunner.Runtime rt = new SimulationRunner.Runtime(threads, 100, Duration.ofMinutes(5))
                .with(SimulationRunner.Executor.THREAD_POOL); // heavy actors: see SimulationRunner.Executor
        SimulationRunner.run(spec, rt, ProgressListener.NONE);
        log.println("relax benchmark: timed runs …");
        t0 = System.nanoTime();
        RunResult got = SimulationRunner.run(spec, rt, ProgressListener.NONE);
        double actorSeconds = (System.nanoTime() - t0) / 1e9;

        double worst = 0;
        for (int l = 1; l < layers.length; l++) {
            int[] units = dense.layer(l);
            for (int k = 0; k < units.length; k++) {
                for (int b = 0; b < batch; b++) worst = Math.max(worst, Math.abs(want[l][k * batch + b] - got.states()[units[k]][b]));
            }
        }
        return new Report(layers, batch, steps, blockSize, threads, denseSeconds, actorSeconds, worst, got.messages());
    }
}
