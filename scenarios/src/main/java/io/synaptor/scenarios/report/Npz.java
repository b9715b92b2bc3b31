package io.synaptor.scenarios.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's own array files, written directly: an .npz is a zip of .npy files, and an .npy is a
 * magic string, a version, a small Python-literal header (dtype, order, shape) padded to 64 bytes,
 * then the raw values — here little-endian float64 ({@code <f8}) or int64 ({@code <i8}), C order
 * (NumPy's format spec, "numpy.lib.format", version 1.0). {@code np.load(file)} reads it.
 */
public final class Npz implements AutoCloseable {
    private final ZipOutputStream zip;

    /** An .npz written to {@code out} (which the caller closes, after this). */
    public Npz(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Adds {@code name}.npy holding float64 values of the given shape (C order). */
    public Npz add(String name, double[] values, int... shape) throws IOException {
        zip.putNextEntry(entry(name));
        writeNpy(zip, "<f8", shape, values.length, (buf, k) -> buf.putDouble(values[k]));
        zip.closeEntry();
        return this;
    }

    /** Adds {@code name}.npy holding int64 values of the given shape. */
    public Npz add(String name, long[] values, int... shape) throws IOException {
        zip.putNextEntry(entry(name));
        writeNpy(zip, "<i8", shape, values.length, (buf, k) -> buf.putLong(values[k]));
        zip.closeEntry();
        return this;
    }

    /** A fixed modification time: the same run writes the same bytes (DeterminismTest compares them). */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name + ".npy");
        e.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        return e;
    }

    public Npz add(String name, int[] values) throws IOException {
        return add(name, Arrays.stream(values).asLongStream().toArray(), values.length);
    }

    /** Adds a text file (UTF-8) beside the arrays, e.g. a run's settings as JSON. */
    public Npz addText(String fileName, String text) throws IOException {
        ZipEntry e = new ZipEntry(fileName);
        e.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        return this;
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }

    private interface Put {
        void put(ByteBuffer buf, int k);
    }

    /** One .npy: header, then the values in 64 KiB chunks. */
    private static void writeNpy(OutputStream out, String descr, int[] shape, int count, Put put) throws IOException {
        long expected = 1;
        for (int d : shape) expected *= d;
        if (expected != count) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + count + " values");
        out.write(header(descr, shape));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < count; k++) {
            if (buf.remaining() < 8) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            put.put(buf, k);
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** The magic, version 1.0, and the header dict padded with spaces and a newline to a multiple of 64 bytes. */
    static byte[] header(String descr, int[] shape) {
        String dims = shape.length == 1 ? shape[0] + "," : Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        int prefix = 10; // magic (6) + version (2) + header length (2)
        while ((prefix + dict.length() + 1) % 64 != 0) dict.append(' ');
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) text.length).put(text);
        return b.array();
    }
}
