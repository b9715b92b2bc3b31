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
        return written(CodedOutputStream.computeInt32Size(1, first) + CodedOutputStream.computeInt64Size(2, time)
                + CodedOutputStream.computeInt64Size(3, horizon) + packedSize(4, v), o -> {
            o.writeInt32(1, first);
            o.writeInt64(2, time);
            o.writeInt64(3, horizon);
            writePacked(o, 4, v);
        });
    }

    /** State: as a Drive, or with few distinct values as levels 5 and a byte each 6 ({@link Levels}). */
    static byte[] state(int first, long time, long horizon, double[] v) {
        Levels l = Levels.of(v);
        if (l == null) return values(first, time, horizon, v);
        return written(CodedOutputStream.computeInt32Size(1, first) + CodedOutputStream.computeInt64Size(2, time)
                + CodedOutputStream.computeInt64Size(3, horizon) + packedSize(5, l.levels()) + bytesSize(6, l.index()), o -> {
            o.writeInt32(1, first);
            o.writeInt64(2, time);
            o.writeInt64(3, horizon);
            writePacked(o, 5, l.levels());
            o.writeByteArray(6, l.index());
        });
    }

    /** Clamp: int64 1, int64 2, packed double 3 — or with few distinct values, levels 4 and a byte each 5. */
    static byte[] clamp(long time, long horizon, double[] v) {
        Levels l = Levels.of(v);
        int head = CodedOutputStream.computeInt64Size(1, time) + CodedOutputStream.computeInt64Size(2, horizon);
        if (l == null) {
            return written(head + packedSize(3, v), o -> {
                o.writeInt64(1, time);
                o.writeInt64(2, horizon);
                writePacked(o, 3, v);
            });
        }
        return written(head + packedSize(4, l.levels()) + bytesSize(5, l.index()), o -> {
            o.writeInt64(1, time);
            o.writeInt64(2, horizon);
            writePacked(o, 4, l.levels());
            o.writeByteArray(5, l.index());
        });
    }

    private static int bytesSize(int field, byte[] b) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(b.length) + b.length;
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
