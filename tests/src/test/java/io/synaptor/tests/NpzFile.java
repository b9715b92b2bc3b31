package io.synaptor.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an .npz as NumPy's format spec describes it (a zip of .npy files: magic, version, header
 * dict, raw values), written here from the spec and not from the simulator's writer, so that a test
 * reading an export reads what a notebook would. Float64 and int64, little-endian, C order.
 */
final class NpzFile {
    record Array(int[] shape, double[] values) {
        double at(int... index) {
            int flat = 0;
            for (int d = 0; d < shape.length; d++) flat = flat * shape[d] + index[d];
            return values[flat];
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?[fi]8)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private final Map<String, Array> arrays = new HashMap<>();

    NpzFile(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                arrays.put(e.getName().replaceFirst("\\.npy$", ""), npy(zip.readAllBytes()));
            }
        }
    }

    Array get(String name) {
        Array a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException("no array " + name + " in the file; has " + arrays.keySet());
        return a;
    }

    private static Array npy(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IllegalArgumentException("not an .npy");
        }
        int major = b.get();
        b.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] h = new byte[headerLength];
        b.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        if ((b.position()) % 64 != 0) throw new IllegalArgumentException("the header is not padded to 64 bytes: " + header);
        if (!header.contains("'fortran_order': False")) throw new IllegalArgumentException("not C order: " + header);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find() || d.group(1).startsWith(">")) throw new IllegalArgumentException("unexpected header " + header);
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        if (b.remaining() != 8L * count) throw new IllegalArgumentException(b.remaining() + " bytes for " + count + " values");
        double[] values = new double[count];
        boolean integer = d.group(1).endsWith("i8");
        for (int k = 0; k < count; k++) values[k] = integer ? b.getLong() : b.getDouble();
        return new Array(shape, values);
    }
}
