package io.synaptor.bench;

import io.synaptor.network.Coupling;
import io.synaptor.network.LangevinNetwork;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file)); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "size", new long[]{n});
            put(zip, "seed", new long[]{spec.seed()});
            put(zip, "delay", new long[]{delay});
            put(zip, "connectivity", new double[]{spec.connectivity()});
            put(zip, "coupling", new double[]{spec.coupling()});
            put(zip, "barrier", new double[]{spec.barrier()});
            put(zip, "temperature", new double[]{spec.temperature()});
            put(zip, "dt", new double[]{spec.dt()});
            put(zip, "i", is, is.length);
            put(zip, "j", js, js.length);
            put(zip, "w", ws, ws.length);
            if (checkSteps > 0) {
                SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
                double[] s0 = new double[n];
                for (int u = 0; u < n; u++) s0[u] = -1.5 + 3.0 * r.nextDouble();
                LangevinNetwork quiet = new LangevinNetwork(new LangevinNetwork.Spec(n, spec.connectivity(), spec.coupling(),
                        spec.barrier(), 0.0, spec.dt(), spec.seed()));
                double[] states = new double[(checkSteps + 1) * n];
                for (int t = 0; t <= checkSteps; t++) System.arraycopy(quiet.run(s0, t, delay), 0, states, t * n, n);
                put(zip, "check_initial", s0, n);
                put(zip, "check_states", states, checkSteps + 1, n);
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

    private static void put(ZipOutputStream zip, String name, long[] values, int... shape) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(header("<i8", shape));
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) buf.putLong(v);
        zip.write(buf.array());
        zip.closeEntry();
    }

    private static void put(ZipOutputStream zip, String name, double[] values, int... shape) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(header("<f8", shape));
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) buf.putDouble(v);
        zip.write(buf.array());
        zip.closeEntry();
    }

    /** NumPy's .npy header, version 1.0: magic, version, length, the dict padded to a multiple of 64 bytes (scalars: shape ()). */
    private static byte[] header(String descr, int[] shape) {
        String dims = shape.length == 1 ? shape[0] + "," : Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + dict.length() + 1) % 64 != 0) dict.append(' ');
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) text.length).put(text);
        return b.array();
    }
}
