package io.synaptor.bench;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;
import io.synaptor.actors.RunResult;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationRunner;
import io.synaptor.actors.SimulationSpec;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code synaptor bench scale} (issue 22): how large a network fits at unit granularity (one actor per unit and per
 * synapse) in one JVM. The messaging benchmark's random sparse network at two sizes, each relaxed for one episode:
 * the heap its actors hold once they are all spawned and wired (measured after a full GC at the run's start, less
 * the heap before the run), bytes per actor, and messages per second — the large network beside the small one.
 */
final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    /** One network's figures. */
    record Row(int units, int synapses, long heapBytes, long messages, double seconds) {
        double bytesPerActor() {
            return (double) heapBytes / (units + synapses);
        }

        double rate() {
            return messages / seconds;
        }
    }

    /** The heap in use after a full collection. */
    static long usedHeap() {
        for (int k = 0; k < 2; k++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Relaxes the messaging benchmark's network of about {@code synapses} synapses (degree {@code degree}) for {@code steps} steps. */
    static Row run(int synapses, int degree, int steps, int threads, PrintStream log) {
        int units = Math.max(3 * degree, (int) Math.round(2.0 * synapses / degree)); // each synapse has two ends
        long before = usedHeap();
        NetworkSpec net = MessagingBenchmark.network(units, degree, MessagingBenchmark.SEED);
        log.printf(Locale.ROOT, "scale benchmark: %,d units, %,d synapses, %d steps …%n", net.size(), net.couplings().size(), steps);
        double[][] x = new double[1][net.inputs().length];
        java.util.Arrays.fill(x[0], 0.5);
        double[][] y = new double[1][net.outputs().length];
        PhaseSchedule schedule = new PhaseSchedule(1, steps, 1, 0.1, false, MessagingBenchmark.SEED, 1, 0, 1);
        SimulationSpec spec = SimulationSpec.builder(net, schedule, LabeledData.empty(), new LabeledData(x, y)).rate(0.0)
                .seed(MessagingBenchmark.SEED).window(2).build();
        long[] heap = new long[1];
        long[] at = new long[2];
        ProgressListener watch = new ProgressListener() {
            @Override
            public void started() { // every actor spawned and wired: what they hold, then the clock
                heap[0] = usedHeap() - before;
                at[0] = System.nanoTime();
            }

            @Override
            public void episode(ProbeActor.EpisodeResult result) {
                at[1] = System.nanoTime();
            }
        };
        RunResult r;
        try {
            r = SimulationRunner.run(spec, new SimulationRunner.Runtime(threads, 100, Duration.ofMinutes(30)), watch);
        } catch (SimulationDiverged | SimulationStalled e) {
            throw new IllegalStateException("the scale benchmark's run failed: " + e.getMessage(), e);
        }
        return new Row(net.size(), net.couplings().size(), heap[0], r.messages(), (at[1] - at[0]) / 1e9);
    }

    static String render(Row small, Row large, int threads) {
        long max = Runtime.getRuntime().maxMemory();
        return String.format(Locale.ROOT, """
                        scale benchmark: unit granularity (one actor per unit and per synapse), %d dispatcher threads, max heap %.1f GB
                          %,9d units, %,9d synapses: %,6.0f bytes per actor, %,12.0f messages/s
                          %,9d units, %,9d synapses: %,6.0f bytes per actor, %,12.0f messages/s  (%.2f × the small network's rate)
                          at that size per actor, this heap holds about %,d actors (%,d synapses at the same degree)""",
                threads, max / 1e9, small.units(), small.synapses(), small.bytesPerActor(), small.rate(),
                large.units(), large.synapses(), large.bytesPerActor(), large.rate(), large.rate() / small.rate(),
                (long) (max / large.bytesPerActor()), (long) (max / large.bytesPerActor() * large.synapses() / (large.units() + large.synapses())));
    }
}
