package io.synaptor.synapses;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A block's drives and correlations, dense or sparse, against the sums written out (DESIGN.md,
 * "Granularity": end A feels W ρ_B, end B feels Wᵀ ρ_A, a block inside one slice (W + Wᵀ)ρ; cell k's
 * rule reads (1/B) Σ_b ρ_A ρ_B of its two units), for one entry per unit and for a minibatch, real
 * and complex; cells in any order, a weight moving from zero.
 */
class CouplingBlockTest {

    @ParameterizedTest(name = "{0} × {1}, row {2}, {3} of the pairs coupled, complex {4}")
    @CsvSource({"7, 9, 1, 0.1, false", "7, 9, 3, 0.1, false", "8, 8, 1, 0.15, false", "6, 6, 2, 0.9, false",
            "5, 4, 1, 0.9, false", "5, 6, 4, 0.1, true", "5, 6, 4, 0.9, true", "4, 3, 2, 1.0, false"})
    void drivesAndCorrelationsAreTheSumsWrittenOut(int a, int b, int row, double fill, boolean complex) {
        SplittableRandom r = new SplittableRandom(a * 31L + b + row);
        List<Integer> places = new ArrayList<>();
        for (int p = 0; p < a * b; p++) if (r.nextDouble() < fill) places.add(p);
        Collections.shuffle(places, new Random(row)); // cells in spec order, not row-major
        int m = places.size();
        int[] cellA = places.stream().mapToInt(p -> p / b).toArray();
        int[] cellB = places.stream().mapToInt(p -> p % b).toArray();
        double[] cellW = r.doubles(m).map(x -> 2 * x - 1).toArray();
        cellW[0] = 0.0; // a coupling at zero weight is still a coupling: it may learn
        CouplingBlock block = fill == 1.0 && m == a * b ? null : new CouplingBlock(a, b, row, cellA, cellB, cellW);
        if (block == null) { // every pair: the grid constructor, cells row-major
            cellA = java.util.stream.IntStream.range(0, a * b).map(p -> p / b).toArray();
            cellB = java.util.stream.IntStream.range(0, a * b).map(p -> p % b).toArray();
            cellW = r.doubles(a * b).toArray();
            block = new CouplingBlock(a, b, row, cellW);
            m = a * b;
        }
        block.add(0, 0.25);
        cellW[0] += 0.25;
        assertEquals(cellW[0], block.weight(0), 0.0);
        double[] rhoA = r.doubles(a * row, -1, 1).toArray();
        double[] rhoB = r.doubles(b * row, -1, 1).toArray();
        double[] toA = new double[a * row];
        double[] toB = new double[b * row];
        for (int k = 0; k < m; k++) {
            for (int x = 0; x < row; x++) {
                toA[cellA[k] * row + x] += cellW[k] * rhoB[cellB[k] * row + x];
                toB[cellB[k] * row + x] += cellW[k] * rhoA[cellA[k] * row + x];
            }
        }
        // measured: within 2 ulps (≤ 4e-16); a wrong index or transpose is ≥ 1e-2
        assertArrayEquals(toA, block.driveToA(rhoB), 1e-14);
        assertArrayEquals(toB, block.driveToB(rhoA), 1e-14);
        double[][] both = block.drives(rhoA, rhoB); // one pass for both ends: the same values
        assertArrayEquals(toA, both[0], 1e-14);
        assertArrayEquals(toB, both[1], 1e-14);
        if (a == b) {
            double[] within = new double[a * row];
            for (int k = 0; k < m; k++) {
                for (int x = 0; x < row; x++) {
                    within[cellA[k] * row + x] += cellW[k] * rhoA[cellB[k] * row + x];
                    within[cellB[k] * row + x] += cellW[k] * rhoA[cellA[k] * row + x];
                }
            }
            assertArrayEquals(within, block.driveWithin(rhoA), 1e-14);
        }
        double[] re = block.correlations(rhoA, rhoB, complex).clone();
        double[] im = block.imaginaryCorrelations();
        int batch = complex ? row / 2 : row;
        for (int k = 0; k < m; k++) {
            double wantRe = 0, wantIm = 0;
            for (int x = 0; x < batch; x++) {
                int i = cellA[k] * row + (complex ? 2 * x : x), j = cellB[k] * row + (complex ? 2 * x : x);
                if (complex) {
                    wantRe += rhoA[i] * rhoB[j] - rhoA[i + 1] * rhoB[j + 1];
                    wantIm += rhoA[i] * rhoB[j + 1] + rhoA[i + 1] * rhoB[j];
                } else {
                    wantRe += rhoA[i] * rhoB[j];
                }
            }
            assertEquals(wantRe / batch, re[k], 1e-14, "cell " + k);
            assertEquals(wantIm / batch, im[k], 1e-14, "cell " + k);
        }
    }
}
