package io.synaptor.actors;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clamped image's values cross nodes as their levels and a byte each, bit for bit; anything else as doubles. */
class LevelsTest {
    /** 784 pixels × a minibatch of 100 at 256 grey levels, most of them 0, as the input source clamps them. */
    private static double[] image(SplittableRandom r, int levels) {
        double[] v = new double[78_400];
        for (int k = 0; k < v.length; k++) v[k] = r.nextInt(5) < 4 ? 0.0 : r.nextInt(levels) / (levels - 1.0);
        return v;
    }

    @Test
    void anImageTravelsAsAByteAPixel() {
        double[] v = image(new SplittableRandom(1), 256);
        Levels l = Levels.of(v);
        assertNotNull(l);
        assertTrue(l.levels().length <= 256);
        assertArrayEquals(v, Levels.expand(l.levels(), l.index()));
        byte[] packed = PackedWriter.state(3, 7, 9, v);
        byte[] doubles = PackedWriter.values(3, 7, 9, v);
        assertTrue(packed.length < v.length + 256 * 8 + 32, "a byte per value and the levels: " + packed.length);
        assertTrue(doubles.length > 8 * v.length, "packed doubles: " + doubles.length);
    }

    @Test
    void moreThan256ValuesOrAShortVectorStayDoubles() {
        double[] many = new double[1000];
        for (int k = 0; k < many.length; k++) many[k] = k % 257;
        assertNull(Levels.of(many));
        assertEquals(PackedWriter.values(1, 2, 3, many).length, PackedWriter.state(1, 2, 3, many).length);
        assertNull(Levels.of(new double[Levels.MIN_LENGTH - 1]));
        double[] exactly = new double[1000];
        for (int k = 0; k < exactly.length; k++) exactly[k] = k % 256;
        assertEquals(256, Levels.of(exactly).levels().length);
    }

    @Test
    void valuesComeBackWithTheirBits() {
        double[] v = new double[200];
        for (int k = 0; k < v.length; k++) {
            v[k] = switch (k % 4) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> Double.longBitsToDouble(0x7ff8000000000123L); // a NaN with a payload
                default -> 0.1 * (k % 3);
            };
        }
        Levels l = Levels.of(v);
        double[] back = Levels.expand(l.levels(), l.index());
        for (int k = 0; k < v.length; k++) assertEquals(Double.doubleToRawLongBits(v[k]), Double.doubleToRawLongBits(back[k]), "entry " + k);
    }
}
