package io.synaptor.tests;

import io.synaptor.network.LabeledData;
import io.synaptor.scenarios.data.ImageShifts;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5, mnist-ep's data.shifted-copies: translations move pixels where they should and nothing else. */
class ImageShiftsTest {
    private static final int SIDE = 5;

    @Test
    void aShiftMovesEveryPixelAndDropsWhatLeavesTheFrame() {
        double[] image = new double[SIDE * SIDE];
        for (int k = 0; k < image.length; k++) image[k] = k + 1; // pixel (r, c) holds r·5 + c + 1
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                double[] out = ImageShifts.shift(image, SIDE, dx, dy);
                for (int r = 0; r < SIDE; r++) {
                    for (int c = 0; c < SIDE; c++) {
                        int fromR = r - dy, fromC = c - dx;
                        double want = fromR >= 0 && fromR < SIDE && fromC >= 0 && fromC < SIDE ? image[fromR * SIDE + fromC] : 0.0;
                        assertEquals(want, out[r * SIDE + c], "dx " + dx + " dy " + dy + " at (" + r + ", " + c + ")");
                    }
                }
            }
        }
    }

    @Test
    void copiesAreShiftedOriginalsWithTheirLabels() {
        double[][] x = new double[3][SIDE * SIDE];
        double[][] y = {{1, 0}, {0, 1}, {1, 0}};
        int[] at = {6, 7, 12}; // one lit pixel each, at (1, 1), (1, 2), (2, 2): never at the border
        for (int k = 0; k < 3; k++) x[k][at[k]] = 1.0;
        LabeledData data = new LabeledData(x, y);
        LabeledData more = ImageShifts.augment(data, SIDE, 4, 1, new SplittableRandom(5));
        assertEquals(15, more.size());
        for (int k = 0; k < 3; k++) assertSame(x[k], more.x()[k], "the originals come first, unchanged");
        for (int i = 3; i < 15; i++) {
            int k = i % 3;
            assertArrayEquals(y[k], more.y()[i]);
            int lit = -1;
            for (int p = 0; p < SIDE * SIDE; p++) if (more.x()[i][p] == 1.0) lit = p;
            assertTrue(lit >= 0, "a shift of at most 1 keeps an inner pixel in the frame");
            int dr = lit / SIDE - at[k] / SIDE, dc = lit % SIDE - at[k] % SIDE;
            assertTrue(Math.abs(dr) <= 1 && Math.abs(dc) <= 1 && (dr != 0 || dc != 0), "shift (" + dc + ", " + dr + ")");
        }
        LabeledData again = ImageShifts.augment(data, SIDE, 4, 1, new SplittableRandom(5));
        for (int i = 0; i < 15; i++) assertArrayEquals(more.x()[i], again.x()[i], "the same seed, the same set");
        LabeledData other = ImageShifts.augment(data, SIDE, 4, 1, new SplittableRandom(6));
        assertNotEquals(Arrays.deepToString(more.x()), Arrays.deepToString(other.x()));
        assertSame(data, ImageShifts.augment(data, SIDE, 0, 1, new SplittableRandom(5)));
    }
}
