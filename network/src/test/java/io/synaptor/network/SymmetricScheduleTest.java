package io.synaptor.network;

import io.synaptor.synapses.CenteredEP;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The symmetric (+β, −β) schedule and centered EP, by hand. */
class SymmetricScheduleTest {
    // batch 1, T1 = 3, T2 = 2, β = 0.5, fixed sign; 2 training examples, 1 test example, 1 epoch.
    private final PhaseSchedule s = new PhaseSchedule(1, 3, 2, 0.5, false, 9, 1, 2, 1, io.synaptor.synapses.NudgeShape.CENTERED);

    @Test
    void layout() {
        assertEquals(3, s.episodes());
        assertEquals(0, s.start(0));
        assertEquals(7, s.start(1));          // T1 + 2·T2
        assertEquals(14, s.start(2));         // the evaluation episode: T1 steps
        assertEquals(17, s.endTime());
        assertEquals(3, s.freeSampleTime(0));
        assertEquals(5, s.nudgedSampleTime(0));
        assertEquals(7, s.counterNudgedSampleTime(0));
        for (long t = 0; t < 3; t++) assertEquals(0.0, s.betaAtStep(t));
        for (long t = 3; t < 5; t++) assertEquals(0.5, s.betaAtStep(t));
        for (long t = 5; t < 7; t++) assertEquals(-0.5, s.betaAtStep(t));
        for (long t = 14; t < 17; t++) assertEquals(0.0, s.betaAtStep(t));
        assertEquals(5, s.restoreStep(0));
        assertEquals(12, s.restoreStep(6));
        assertEquals(Long.MAX_VALUE, s.restoreStep(13));
        assertEquals(-1, new PhaseSchedule(1, 3, 2, 0.5, false, 9, 1, 2, 1).counterNudgedSampleTime(0));
        assertEquals(Long.MAX_VALUE, new PhaseSchedule(1, 3, 2, 0.5, false, 9, 1, 2, 1).restoreStep(0));
    }

    @Test
    void centeredRuleSamplesBothNudgesAndMovesOnceAtTheEnd() {
        CenteredEP rule = new CenteredEP(s, 0.1);
        assertEquals(5, rule.nextSampleTime(0));
        assertEquals(7, rule.nextUpdateTime(0));
        assertEquals(0.0, rule.observe(5, new double[]{0.8}, new double[]{0.5}));
        assertEquals(7, rule.nextSampleTime(6));
        double dw = rule.observe(7, new double[]{0.6}, new double[]{0.5});
        double estimate = -(0.8 * 0.5 - 0.6 * 0.5) / (2 * 0.5); // −(1/2β)[ρρ(+β) − ρρ(−β)]
        assertEquals(estimate, rule.lastGradient(), 1e-15);
        assertEquals(-0.1 * estimate, dw, 1e-15);
        assertEquals(12, rule.nextSampleTime(8));
        assertEquals(Long.MAX_VALUE, rule.nextSampleTime(15));
    }

    @Test
    void centeredRuleNeedsASymmetricSchedule() {
        assertThrows(IllegalArgumentException.class,
                () -> new CenteredEP(new PhaseSchedule(1, 3, 2, 0.5, false, 9, 1, 2, 1), 0.1));
    }
}
