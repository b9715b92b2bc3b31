package io.synaptor.bench;


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

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Block granularity against the plain way (issue 5): the free relaxation of one minibatch through a
 * layered net, once by the actors at block granularity on the dispatcher's threads, once by a single
 * thread updating whole layers as EJML matrices ({@link BatchedRelaxation}). Both compute the same
 * dynamics (link delay one step), so the benchmark also reports how far their final states differ.
 * Every side runs at least {@link #WARM_UP} times, and on until the actors' runs have taken
 * {@link #WARM_UP_SECONDS} (as JMH warms up by time: the actors' code is compiled a piece at a time and
 * reaches its pace after ≈ 10 runs of 1,000 steps, measured), then they alternate {@link #TIMED} times; the
 * ratio is the median over these back-to-back pairs of dense time / actor time ({@link SideBySide}).
 * Beside the single dense thread run two parallel dense baselines: the minibatch split between the threads
 * (no exchange at all) and the units split between them with one barrier a step ({@link UnitSplitRelaxation},
 * the actors' own data dependencies in a hand-written program).
 * An actor run is timed ({@link Stopwatch}) from the moment its actors are wired and told to start
 * to the end of its one episode: starting and stopping the
 * actor system (~0.3 s here) is paid once per simulation — once per epoch in training — so it is
 * reported beside the ratio, not in it (as {@code bench langevin} times from connecting its slices).
 */
public final class RelaxBenchmark {
    private RelaxBenchmark() {
    }

    public record Report(int[] layers, int batch, int steps, int blockSize, int threads, double denseSeconds,
                         double actorSeconds, double wholeSeconds, double denseCpu, double actorCpu, double maxDifference, long messages, double ratio,
                         String spread, double splitSeconds, double splitRatio, String splitSpread,
                         double libraryThreadsSeconds, double libraryThreadsRatio, String libraryThreadsSpread,
                         double unitSplitSeconds, double unitSplitRatio, String unitSplitSpread, double unitSplitDifference) {

        public String render() {
            return String.format("""
                    relax benchmark: layers %s, minibatch %d, %d steps, blocks of %d units, %d dispatcher threads
                      synchronous dense (1 thread)       %8.3f s  (median of %d after ≥ %d warm-up runs and %.0f s; products: %s)
                      the same, minibatch split over %d threads %8.3f s
                      the same, units split over %d threads, a barrier a step %s
                      the same, each product on %d OpenBLAS threads %s
                      actors, block granularity          %8.3f s  (%,d messages; median of %d, from the start to the last state)
                        with the actor system's start and stop %8.3f s
                      CPU time (whole process): dense %.3f s, actors %.3f s = %.2f × dense, %.2f cores busy
                      final states agree within %.1e
                      ratio (dense / actors) = %.2f  (median of %d back-to-back pairs; lowest … highest pair %s)
                      ratio (dense on %d threads / actors) = %.2f  (lowest … highest pair %s)
                      ratio (dense, units on %d threads / actors) = %s
                      ratio (dense, products on %d library threads / actors) = %s""",
                    java.util.Arrays.toString(layers), batch, steps, blockSize, threads,
                    denseSeconds, TIMED, WARM_UP, WARM_UP_SECONDS, io.synaptor.synapses.MatrixProducts.describe(), threads, splitSeconds,
                    threads, Double.isNaN(unitSplitSeconds) ? "  (not measured: a spinning barrier needs a core per thread)"
                            : String.format("%8.3f s  (its final states agree within %.1e)", unitSplitSeconds, unitSplitDifference),
                    threads, Double.isNaN(libraryThreadsSeconds) ? "  (not measured: the products are not OpenBLAS's)"
                            : String.format("%8.3f s", libraryThreadsSeconds), actorSeconds, messages, TIMED, wholeSeconds,
                    denseCpu, actorCpu, actorCpu / denseCpu, actorCpu / actorSeconds, maxDifference, ratio, TIMED, spread,
                    threads, splitRatio, splitSpread, threads, Double.isNaN(unitSplitSeconds) ? "not measured"
                            : String.format("%.2f  (lowest … highest pair %s; one dense thread / it = %.2f)", unitSplitRatio, unitSplitSpread,
                            denseSeconds / unitSplitSeconds),
                    threads, Double.isNaN(libraryThreadsSeconds) ? "not measured"
                            : String.format("%.2f  (lowest … highest pair %s)", libraryThreadsRatio, libraryThreadsSpread));
        }
    }

    static final int WARM_UP = 3;
    static final double WARM_UP_SECONDS = 4.0;
    static final int TIMED = 7;

    public static Report run(int[] layers, int batch, int steps, int blockSize, int threads, PrintStream log)
            throws SimulationDiverged, SimulationStalled {
        return run(layers, batch, steps, blockSize, threads, WARM_UP_SECONDS, log);
    }

    /** @param warmUpSeconds how long the actors' warm-up runs take at least (after {@link #WARM_UP} rounds) */
    public static Report run(int[] layers, int batch, int steps, int blockSize, int threads, double warmUpSeconds, PrintStream log)
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
        PhaseSchedule schedule = new PhaseSchedule(batch, steps, 1, 0.1, false, 7, 1, 0, batch);
        SimulationSpec spec = SimulationSpec.builder(net, schedule, new LabeledData(new double[0][], new double[0][]), data)
                .rate(0.0).reset(true).seed(7).window(2).blockSize(blockSize).build();
        SimulationRunner.Runtime rt = new SimulationRunner.Runtime(threads, 100, Duration.ofMinutes(5))
                .with(SimulationRunner.Executor.THREAD_POOL); // heavy actors: see SimulationRunner.Executor
        // JIT warm-up as JMH does it: one run is not enough for the actors (measured: the first timed run
        // after a single warm-up took 2.5 s, the fourth 1.2 s), so each side runs WARM_UP times untimed,
        // then the two alternate in TIMED back-to-back pairs (SideBySide).
        log.println("relax benchmark: warm-up …");
        double[][] want = null;
        double[][] byUnits = null;
        RunResult got = null;
        // the plain way on as many threads as the actors have: the minibatch's columns are independent, so each
        // thread relaxes its share of the examples with the same products (the baseline a user would parallelise to)
        double[][][] shares = new double[threads][][];
        for (int p = 0; p < threads; p++) shares[p] = java.util.Arrays.copyOfRange(x, p * batch / threads, (p + 1) * batch / threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        // ... and split by units, exchanging ρ every step as the slices do — spinning, so only with a core per thread
        UnitSplitRelaxation unitSplit = threads <= Runtime.getRuntime().availableProcessors()
                ? new UnitSplitRelaxation(net, dense, threads) : null;
        double warmed = 0;
        for (int k = 0; k < WARM_UP || warmed < warmUpSeconds; k++) {
            want = dense.relax(x, steps);
            relaxShares(pool, dense, shares, steps);
            if (unitSplit != null) byUnits = unitSplit.relax(pool, x, steps);
            long t0 = System.nanoTime();
            got = SimulationRunner.run(spec, rt, ProgressListener.NONE);
            warmed += (System.nanoTime() - t0) / 1e9;
        }
        log.println("relax benchmark: timed runs …");
        SideBySide times = new SideBySide(TIMED);
        SideBySide split = new SideBySide(TIMED);
        SideBySide library = new SideBySide(TIMED); // the dense thread with OpenBLAS splitting each product (what its thread setting gives)
        SideBySide units = new SideBySide(TIMED);
        double[] wholeTimes = new double[TIMED];
        double[] denseCpu = new double[TIMED];
        double[] actorCpu = new double[TIMED];
        for (int k = 0; k < TIMED; k++) {
            long c0 = Stopwatch.processCpuNanos();
            long t0 = System.nanoTime();
            want = dense.relax(x, steps);
            double denseTime = (System.nanoTime() - t0) / 1e9;
            denseCpu[k] = (Stopwatch.processCpuNanos() - c0) / 1e9;
            t0 = System.nanoTime();
            relaxShares(pool, dense, shares, steps);
            double splitTime = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            boolean measured = io.synaptor.synapses.MatrixProducts.withLibraryThreads(threads, () -> dense.relax(x, steps)) != null;
            double libraryTime = measured ? (System.nanoTime() - t0) / 1e9 : Double.NaN;
            t0 = System.nanoTime();
            if (unitSplit != null) byUnits = unitSplit.relax(pool, x, steps);
            double unitTime = unitSplit != null ? (System.nanoTime() - t0) / 1e9 : Double.NaN;
            Stopwatch watch = new Stopwatch();
            t0 = System.nanoTime();
            got = SimulationRunner.run(spec, rt, watch);
            wholeTimes[k] = (System.nanoTime() - t0) / 1e9;
            times.add(denseTime, watch.seconds());
            split.add(splitTime, watch.seconds());
            library.add(libraryTime, watch.seconds());
            units.add(unitTime, watch.seconds());
            actorCpu[k] = watch.cpuSeconds();
        }

        pool.shutdown();
        double worst = 0;
        double unitWorst = 0;
        for (int l = 1; l < layers.length; l++) {
            int[] ids = dense.layer(l);
            for (int k = 0; k < ids.length; k++) {
                for (int b = 0; b < batch; b++) {
                    worst = Math.max(worst, Math.abs(want[l][k * batch + b] - got.states()[ids[k]][b]));
                    if (byUnits != null) unitWorst = Math.max(unitWorst, Math.abs(want[l][k * batch + b] - byUnits[l][k * batch + b]));
                }
            }
        }
        return new Report(layers, batch, steps, blockSize, threads, times.medianFirst(), times.medianSecond(),
                SideBySide.median(wholeTimes), SideBySide.median(denseCpu), SideBySide.median(actorCpu), worst, got.messages(), times.ratio(), times.spread(1.0),
                split.medianFirst(), split.ratio(), split.spread(1.0), library.medianFirst(), library.ratio(), library.spread(1.0),
                units.medianFirst(), units.ratio(), units.spread(1.0), byUnits != null ? unitWorst : Double.NaN);
    }

    /** Each thread relaxes its share of the minibatch (BatchedRelaxation holds no state between calls). */
    private static void relaxShares(java.util.concurrent.ExecutorService pool, BatchedRelaxation dense, double[][][] shares, int steps) {
        List<java.util.concurrent.Future<double[][]>> parts = new java.util.ArrayList<>();
        for (double[][] share : shares) parts.add(pool.submit(() -> dense.relax(share, steps)));
        join(parts, "the split dense relaxation");
    }

    /** Waits for every part; a failed one fails the benchmark, named as {@code what}. */
    static void join(List<? extends java.util.concurrent.Future<?>> parts, String what) {
        try {
            for (var part : parts) part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

}
