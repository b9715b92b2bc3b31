package io.synaptor.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The echo program read from a clock: T = 3 steps a pass, P = 2 virtual steps a leapfrog step, two episodes. */
class EchoProgramTest {
    private final EchoProgram p = new EchoProgram(3, 2, 2, 0.1, EchoProgram.Form.SYMMETRIC);

    @Test
    void passesStepsAndInputsInOrderThenReversed() {
        assertEquals(9, p.stepsPerEpisode());
        assertEquals(36, p.endTime());
        int[] pass = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        int[] input = {0, 1, 2, 2, 1, 0, 2, 1, 0};
        for (int n = 0; n < 18; n++) {
            assertEquals(pass[n % 9], p.pass(n), "pass of step " + n);
            assertEquals(input[n % 9], p.inputStep(n), "input of step " + n);
            assertEquals(n / 9, p.episode(n));
            assertEquals(n, p.gridIndex(p.gridTime(n)));
        }
        assertEquals(-1, p.gridIndex(3));
        assertEquals(0.1, p.nudge(EchoProgram.FIRST_ECHO));
        assertEquals(-0.1, p.nudge(EchoProgram.SECOND_ECHO));
        assertEquals(0.0, new EchoProgram(3, 2, 2, 0.1, EchoProgram.Form.ONE_SIDED).nudge(EchoProgram.SECOND_ECHO));
    }

    @Test
    void couplingsSampleEveryEchoStepAndLearnAtEachEpisodesLast() {
        // echo steps are n = 3 … 8 and 12 … 17, at state times 2n
        long[] expected = new long[37];
        for (int t = 0; t <= 36; t++) {
            long n = (t + 1) / 2;
            if (n < 3) n = 3;
            else if (n > 8 && n < 12) n = 12;
            expected[t] = n > 17 ? Long.MAX_VALUE : 2 * n;
            assertEquals(expected[t], p.nextEchoTime(t), "next echo sample at or after " + t);
            long learn = t <= 16 ? 16 : t <= 34 ? 34 : Long.MAX_VALUE;
            assertEquals(learn, p.nextLearningTime(t), "next update at or after " + t);
        }
        assertEquals(3, p.holdsThrough(2));
        assertEquals(36, p.holdsThrough(36));
    }
}
