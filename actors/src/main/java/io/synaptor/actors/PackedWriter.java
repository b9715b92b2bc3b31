package io.synaptor.actors;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;

/**
 * The protocol's bulk messages — a few scalars and packed doubles (State, Drive, Clamp, their blocks)
 * — written straight from their arrays with protobuf's {@link CodedOutputStream}, in the wire format
 * synaptor.proto defines; the generated parsers read them back. The generated builders take repeated
 * doubles only as boxed {@code Double}s: at image scale (a hidden slice's state is 5,000 doubles a step)
 * that boxed every value of every message that crossed nodes.
 */
final class PackedWriter {
    private PackedWriter() {
    }

    /** Drive: int32 1, int64 2, int64 3, packed double 4. */
    static byte[] values(int first, long time, long horizon, double[] v) {
        return values(first, time, horizon, v, null);
    }

    /** State: as a Drive, or with few distinct values as levels 5 and a byte each 6 ({@link Levels}). */
    static byte[] state(int first, long time, long horizon, double[] v) {
        return values(first, time, horizon, v, Levels.of(v));
    }

    /** Clamp: int64 1, int64 2, packed double 3 — or with few distinct values, levels 4 and a byte each 5. */
    static byte[] clamp(long time, long horizon, double[] v) {
        Levels l = Levels.of(v);
        return written(CodedOutputStream.computeInt64Size(1, time) + CodedOutputStream.computeInt64Size(2, horizon) + vectorSize(3, v, l), o -> {
            o.writeInt64(1, time);
            o.writeInt64(2, horizon);
            writeVector(o, 3, v, l);
        });
    }

    private static byte[] values(int first, long time, long horizon, double[] v, Levels l) {
        return written(CodedOutputStream.computeInt32Size(1, first) + CodedOutputStream.computeInt64Size(2, time)
                + CodedOutputStream.computeInt64Size(3, horizon) + vectorSize(4, v, l), o -> {
            o.writeInt32(1, first);
            o.writeInt64(2, time);
            o.writeInt64(3, horizon);
            writeVector(o, 4, v, l);
        });
    }

    /** A vector in field f as packed doubles, or — given its levels — the levels in field f + 1 and a byte each in f + 2. */
    private static int vectorSize(int f, double[] v, Levels l) {
        if (l == null) return packedSize(f, v);
        return packedSize(f + 1, l.levels()) + CodedOutputStream.computeByteArraySize(f + 2, l.index());
    }

    private static void writeVector(CodedOutputStream o, int f, double[] v, Levels l) throws IOException {
        if (l == null) {
            writePacked(o, f, v);
        } else {
            writePacked(o, f + 1, l.levels());
            o.writeByteArray(f + 2, l.index());
        }
    }

    /** StateBlock and DriveBlock: int32 1, packed int64 2, repeated Row 3 (each a packed double 1), int64 4. */
    static byte[] block(int first, long[] times, double[][] rows, long horizon) {
        int timesSize = 0;
        for (long t : times) timesSize += CodedOutputStream.computeInt64SizeNoTag(t);
        int size = CodedOutputStream.computeInt32Size(1, first) + CodedOutputStream.computeInt64Size(4, horizon);
        if (times.length > 0) size += CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(timesSize) + timesSize;
        for (double[] r : rows) size += CodedOutputStream.computeTagSize(3) + CodedOutputStream.computeUInt32SizeNoTag(packedSize(1, r)) + packedSize(1, r);
        int packedTimes = timesSize;
        return written(size, o -> {
            o.writeInt32(1, first);
            if (times.length > 0) {
                o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                o.writeUInt32NoTag(packedTimes);
                for (long t : times) o.writeInt64NoTag(t);
            }
            for (double[] r : rows) {
                o.writeTag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                o.writeUInt32NoTag(packedSize(1, r));
                writePacked(o, 1, r);
            }
            o.writeInt64(4, horizon);
        });
    }

    @FunctionalInterface
    private interface Fields {
        void write(CodedOutputStream o) throws IOException;
    }

    /** The fields written into an array of exactly {@code size} bytes. */
    private static byte[] written(int size, Fields fields) {
        byte[] out = new byte[size];
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        try {
            fields.write(o);
            o.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("a message sized wrongly", e);
        }
        return out;
    }

    private static int packedSize(int field, double[] v) {
        return v.length == 0 ? 0 : CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(8 * v.length) + 8 * v.length;
    }

    private static void writePacked(CodedOutputStream o, int field, double[] v) throws IOException {
        if (v.length == 0) return;
        o.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(8 * v.length);
        for (double d : v) o.writeDoubleNoTag(d);
    }
}
