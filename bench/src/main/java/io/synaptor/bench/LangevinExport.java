package io.synaptor.bench;

import io.synaptor.scenarios.report.Npz;

import io.synaptor.network.Coupling;
import io.synaptor.network.LangevinNetwork;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code synaptor bench langevin}'s network written for a peer simulator (bench/peers/langevin_brian2.py):
 * one .npz (NumPy's zip of .npy arrays, {@code np.load} reads it) holding the spec's numbers, the
 * coupled pairs i &lt; j with their W_ij = W_ji in the order drawn, and, for the equality check, a
 * state drawn uniform in [−1.5, 1.5] and the reference loop's noiseless trajectory from it
 * ({@link LangevinNetwork#run(double[], int, int)} at T = 0, the same couplings, {@code checkSteps}
 * steps over links of {@code delay} steps; row t is the state after t steps).
 *
 * <pre>
 * java -cp bench/target/synaptor-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt) \
 *     io.synaptor.bench.LangevinExport --size 1000 --connectivity 0.1 --check-steps 100 --out net.npz
 * </pre>
 * Without --temperature, --dt, --coupling, --barrier or --seed the spec is the benchmark's
 * (g = 1, a = 1, T = 0.1, dt = 0.05, seed 20240601).
 */
public final class LangevinExport {
    private LangevinExport() {
    }

    /**
     * Writes {@code net} to {@code file}; with {@code checkSteps} &gt; 0 also the check's start
     * ({@code check_initial}) and the reference's noiseless trajectory from it ({@code check_states},
     * checkSteps + 1 rows) over links of {@code delay} steps.
     */
    public static void write(LangevinNetwork net, int checkSteps, int delay, Path file) throws IOException {
        LangevinNetwork.Spec spec = net.spec();
        int n = spec.size();
        List<Coupling> pairs = net.network(1).couplings(); // the pairs as drawn (a Coupling's own delay must be ≥ 1; the file records the delay asked for)
        long[] is = new long[pairs.size()];
        long[] js = new long[pairs.size()];
        double[] ws = new double[pairs.size()];
        for (int k = 0; k < ws.length; k++) {
            Coupling c = pairs.get(k);
            is[k] = c.i();
            js[k] = c.j();
            ws[k] = c.weight();
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file)); Npz zip = new Npz(out)) {
            zip.add("size", new long[]{n});
            zip.add("seed", new long[]{spec.seed()});
            zip.add("delay", new long[]{delay});
            zip.add("connectivity", new double[]{spec.connectivity()});
            zip.add("coupling", new double[]{spec.coupling()});
            zip.add("barrier", new double[]{spec.barrier()});
            zip.add("temperature", new double[]{spec.temperature()});
            zip.add("dt", new double[]{spec.dt()});
            zip.add("i", is, is.length);
            zip.add("j", js, js.length);
            zip.add("w", ws, ws.length);
            if (checkSteps > 0) {
                SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
                double[] s0 = new double[n];
                for (int u = 0; u < n; u++) s0[u] = -1.5 + 3.0 * r.nextDouble();
                LangevinNetwork quiet = new LangevinNetwork(new LangevinNetwork.Spec(n, spec.connectivity(), spec.coupling(),
                        spec.barrier(), 0.0, spec.dt(), spec.seed()));
                double[] states = new double[(checkSteps + 1) * n];
                for (int t = 0; t <= checkSteps; t++) System.arraycopy(quiet.run(s0, t, delay), 0, states, t * n, n);
                zip.add("check_initial", s0, n);
                zip.add("check_states", states, checkSteps + 1, n);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int size = 0;
        double connectivity = 0;
        int checkSteps = 0;
        int delay = 1;
        Path out = null;
        Double temperature = null, dt = null, coupling = null, barrier = null;
        Long seed = null;
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (k + 1 == args.length) throw new IllegalArgumentException("'" + a + "' needs a value");
            String v = args[++k];
            switch (a) {
                case "--size" -> size = Integer.parseInt(v);
                case "--connectivity" -> connectivity = Double.parseDouble(v);
                case "--check-steps" -> checkSteps = Integer.parseInt(v);
                case "--delay" -> delay = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--temperature" -> temperature = Double.parseDouble(v);
                case "--dt" -> dt = Double.parseDouble(v);
                case "--coupling" -> coupling = Double.parseDouble(v);
                case "--barrier" -> barrier = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option '" + a + "' (known: --size, --connectivity, --out, "
                        + "--check-steps, --delay, --temperature, --dt, --coupling, --barrier, --seed)");
            }
        }
        if (out == null || size < 2 || checkSteps < 0 || delay < 0) {
            throw new IllegalArgumentException("usage: LangevinExport --size N --connectivity P --out FILE.npz [--check-steps K] [--delay D]");
        }
        LangevinNetwork.Spec b = LangevinBenchmark.spec(size, connectivity);
        LangevinNetwork.Spec spec = new LangevinNetwork.Spec(size, connectivity, coupling != null ? coupling : b.coupling(),
                barrier != null ? barrier : b.barrier(), temperature != null ? temperature : b.temperature(),
                dt != null ? dt : b.dt(), seed != null ? seed : b.seed());
        LangevinNetwork net = new LangevinNetwork(spec);
        write(net, checkSteps, delay, out);
        System.out.printf(Locale.ROOT, "wrote %s: N = %d, %d coupled pairs (%d directed couplings), check steps %d, delay %d%n",
                out, size, net.couplings() / 2, net.couplings(), checkSteps, delay);
    }
}
