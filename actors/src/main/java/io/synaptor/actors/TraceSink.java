package io.synaptor.actors;

import io.synaptor.proto.TraceEvent;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The opt-in message trace of a run (issue 4): every protocol message as a length-delimited
 * protobuf {@link TraceEvent} in one file. Actors keep their events in a {@link Log} of primitive
 * arrays and hand the file a serialised chunk now and then, so recording costs no lock per message;
 * events of different actors interleave in chunks, which the reader does not mind.
 */
public final class TraceSink implements AutoCloseable {
    private static final String[] KINDS = java.util.Arrays.stream(MessageKind.values())
            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
    private final OutputStream out;

    public TraceSink(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    private synchronized void append(byte[] chunk) {
        try {
            out.write(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the trace", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** A log for one actor (ids as in the trace schema). */
    public Log log(int actor) {
        return new Log(actor);
    }

    /** One actor's events, buffered; {@link #flush()} before the actor reports its end. */
    public final class Log {
        private static final int CAPACITY = 4096;
        private final int from;
        private final byte[] kind = new byte[CAPACITY];
        private final int[] to = new int[CAPACITY];
        private final int[] size = new int[CAPACITY];
        private final long[] send = new long[CAPACITY];
        private final long[] receive = new long[CAPACITY];
        private final long[] wall = new long[CAPACITY];
        private int count;

        private Log(int from) {
            this.from = from;
        }

        public void record(MessageKind k, int toActor, long sendTime, long receiveTime, int doubles) {
            if (count == CAPACITY) flush();
            kind[count] = (byte) k.ordinal();
            to[count] = toActor;
            size[count] = doubles;
            send[count] = sendTime;
            receive[count] = receiveTime;
            wall[count++] = System.nanoTime();
        }

        public void flush() {
            if (count == 0) return;
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(count * 32);
            try {
                for (int e = 0; e < count; e++) {
                    TraceEvent.newBuilder().setSendTime(send[e]).setReceiveTime(receive[e]).setFrom(from).setTo(to[e])
                            .setKind(KINDS[kind[e]]).setSize(size[e]).setWallNanos(wall[e]).build().writeDelimitedTo(chunk);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
            count = 0;
            append(chunk.toByteArray());
        }
    }
}
