package io.synaptor.scenarios.data;

import io.synaptor.network.LabeledData;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The IDX format of LeCun's MNIST files (and of Fashion-MNIST): big-endian magic 0x00000803 with
 * count, rows and columns, then one unsigned byte per pixel; labels under magic 0x00000801. Files
 * may be gzipped. Pixels become inputs in [0, 1], labels one-hot targets.
 */
public final class Idx {
    private Idx() {
    }

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    /** Reads an image file and its label file into inputs (pixel/255) and one-hot targets over {@code classes}. */
    public static LabeledData read(Path images, Path labels, int classes) throws IOException {
        double[][] x;
        try (DataInputStream in = open(images)) {
            if (in.readInt() != IMAGES) throw new IOException(images + " is not an IDX image file");
            int n = in.readInt();
            int pixels = in.readInt() * in.readInt();
            byte[] buf = new byte[pixels];
            x = new double[n][pixels];
            for (int k = 0; k < n; k++) {
                in.readFully(buf);
                for (int p = 0; p < pixels; p++) x[k][p] = (buf[p] & 0xFF) / 255.0;
            }
        }
        double[][] y;
        try (DataInputStream in = open(labels)) {
            if (in.readInt() != LABELS) throw new IOException(labels + " is not an IDX label file");
            int n = in.readInt();
            if (n != x.length) throw new IOException(labels + " holds " + n + " labels for " + x.length + " images");
            y = new double[n][classes];
            for (int k = 0; k < n; k++) {
                int c = in.readUnsignedByte();
                if (c >= classes) throw new IOException(labels + ": label " + c + " is not below " + classes);
                y[k][c] = 1.0;
            }
        }
        return new LabeledData(x, y);
    }

    /** Writes gzipped IDX files: pixels (in [0, 1]) as bytes, labels as bytes. */
    public static void write(Path images, Path labels, byte[][] pixels, int rows, int cols, byte[] classes) throws IOException {
        try (DataOutputStream out = create(images)) {
            out.writeInt(IMAGES);
            out.writeInt(pixels.length);
            out.writeInt(rows);
            out.writeInt(cols);
            for (byte[] p : pixels) out.write(p);
        }
        try (DataOutputStream out = create(labels)) {
            out.writeInt(LABELS);
            out.writeInt(classes.length);
            out.write(classes);
        }
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        return new DataInputStream(p.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static DataOutputStream create(Path p) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        return new DataOutputStream(p.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw);
    }
}
