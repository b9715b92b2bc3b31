package io.synaptor.synapses;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A block's drives, dense or sparse, against the products written out (DESIGN.md, "Granularity": end A
 * feels W ρ_B, end B feels Wᵀ ρ_A; a block inside one slice, (W + Wᵀ)ρ), for vectors of one entry per unit
 * and of a minibatch; weights move where a coupling is, even from zero.
 */
class CouplingBlockTest {

    @ParameterizedTest(name = "{0} × {1}, row {2}, {3} of the cells coupled")
    @CsvSource({"7, 9, 1, 0.1", "7, 9, 3, 0.1", "8, 8, 1, 0.15", "6, 6, 2, 0.9", "5, 4, 1, 0.9"})
    void drivesAreTheProductsWrittenOut(int a, int b, int row, double fill) {
        SplittableRandom r = new SplittableRandom(a * 31L + b);
        double[] w = new double[a * b];
        boolean[] present = new boolean[a * b];
        for (int k = 0; k < w.length; k++) {
            present[k] = r.nextDouble() < fill;
            if (present[k]) w[k] = r.nextGaussian();
        }
        int first = java.util.stream.IntStream.range(0, w.length).filter(k -> present[k]).findFirst().orElseThrow();
        w[first] = 0.0; // a coupling at zero weight is still a coupling: it may learn
        CouplingBlock block = CouplingBlock.of(a, b, row, w, present);
        block.add(first / b, first % b, 0.25);
        w[first] = 0.25;
        assertEquals(0.25, block.weight(first / b, first % b), 0.0);
        double[] rhoA = r.doubles(a * row, -1, 1).toArray();
        double[] rhoB = r.doubles(b * row, -1, 1).toArray();
        double[] toA = new double[a * row];
        double[] toB = new double[b * row];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                for (int x = 0; x < row; x++) {
                    toA[i * row + x] += w[i * b + j] * rhoB[j * row + x];
                    toB[j * row + x] += w[i * b + j] * rhoA[i * row + x];
                }
            }
        }
        // measured: equal to the last bit or within 2 ulps (≤ 4e-16); a wrong index or transpose is ≥ 1e-2
        assertArrayEquals(toA, block.driveToA(rhoB), 1e-14);
        assertArrayEquals(toB, block.driveToB(rhoA), 1e-14);
        if (a == b) {
            double[] within = new double[a * row];
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < a; j++) {
                    for (int x = 0; x < row; x++) within[i * row + x] += (w[i * a + j] + w[j * a + i]) * rhoA[j * row + x];
                }
            }
            assertArrayEquals(within, block.driveWithin(rhoA), 1e-14);
        }
    }
}
