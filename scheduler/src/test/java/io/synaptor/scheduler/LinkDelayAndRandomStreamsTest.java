package io.synaptor.scheduler;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkDelayAndRandomStreamsTest {

    @Test
    void linkDelayRejectsLessThanOneStep() {
        assertThrows(IllegalArgumentException.class, () -> new LinkDelay(0));
        assertThrows(IllegalArgumentException.class, () -> new LinkDelay(-3));
        assertEquals(1, new LinkDelay(1).steps());
    }

    @Test
    void arrivalAddsTheDelayExceptAtTimeZero() {
        LinkDelay d = new LinkDelay(3);
        assertEquals(0, d.arrival(0));
        assertEquals(4, d.arrival(1));
        assertEquals(8, d.arrival(5));
        assertEquals(1_000_003, d.arrival(1_000_000));
        assertEquals(2, new LinkDelay(1).arrival(1));
    }

    private static long[] draw(SplittableRandom r, int n) {
        long[] out = new long[n];
        for (int k = 0; k < n; k++) out[k] = r.nextLong();
        return out;
    }

    @Test
    void sameSeedKindAndIdGiveTheSameStream() {
        long[] a = draw(RandomStreams.stream(42, RandomStreams.Kind.UNIT, 7), 32);
        long[] b = draw(RandomStreams.stream(42, RandomStreams.Kind.UNIT, 7), 32);
        assertArrayEquals(a, b);
        assertEquals(RandomStreams.mix(42, RandomStreams.Kind.UNIT, 7), RandomStreams.mix(42, RandomStreams.Kind.UNIT, 7));
    }

    @Test
    void differentIdKindOrSeedGiveDifferentStreams() {
        long[] base = draw(RandomStreams.stream(42, RandomStreams.Kind.UNIT, 7), 32);
        long[][] others = {
                draw(RandomStreams.stream(42, RandomStreams.Kind.UNIT, 8), 32),
                draw(RandomStreams.stream(42, RandomStreams.Kind.SYNAPSE, 7), 32),
                draw(RandomStreams.stream(43, RandomStreams.Kind.UNIT, 7), 32)};
        for (long[] o : others) {
            int same = 0;
            for (int k = 0; k < 32; k++) if (o[k] == base[k]) same++;
            assertEquals(0, same, "streams share values");
        }
    }

    @Test
    void mixHasNoCollisionsOverManyIdsAndKinds() {
        Set<Long> seen = new HashSet<>();
        for (RandomStreams.Kind kind : RandomStreams.Kind.values()) {
            for (long id = 0; id < 5_000; id++) {
                assertTrue(seen.add(RandomStreams.mix(1234, kind, id)), "collision at " + kind + " " + id);
            }
        }
        assertEquals(RandomStreams.Kind.values().length * 5_000, seen.size());
    }

    @Test
    void neighbouringIdsGiveUnrelatedFirstDraws() {
        // the first doubles of ids 0..9999 should look uniform: mean ½, variance 1/12
        int n = 10_000;
        double sum = 0, sum2 = 0;
        int below = 0;
        for (long id = 0; id < n; id++) {
            double u = RandomStreams.stream(5, RandomStreams.Kind.SYNAPSE, id).nextDouble();
            sum += u;
            sum2 += u * u;
            if (u < 0.5) below++;
        }
        double mean = sum / n, var = sum2 / n - mean * mean;
        assertEquals(0.5, mean, 0.015);      // σ = √(1/12/n) ≈ 0.0029
        assertEquals(1.0 / 12, var, 0.005);
        assertFalse(below < 4_800 || below > 5_200); // σ = 50
    }
}
