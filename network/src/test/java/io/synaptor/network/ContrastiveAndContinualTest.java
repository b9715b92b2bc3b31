package io.synaptor.network;

import io.synaptor.synapses.ContinualEP;
import io.synaptor.synapses.ContrastiveHebbian;
import io.synaptor.synapses.Rules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contrastive Hebbian learning and continual EP against hand computations. */
class ContrastiveAndContinualTest {
    // batch 1, T1 = 3, T2 = 4, β = 0.5 fixed sign; one training example, no test set, 1 epoch.
    private final PhaseSchedule s = new PhaseSchedule(1, 3, 4, 0.5, false, 3, 1, 1, 0);

    @Test
    void chlContrastsClampedAndFreeCorrelations() {
        ContrastiveHebbian rule = new ContrastiveHebbian(s, 0.2);
        assertEquals(3, rule.nextSampleTime(0));
        assertEquals(7, rule.nextUpdateTime(0));
        assertEquals(0.0, rule.observe(3, new double[]{0.4}, new double[]{0.5}));
        double dw = rule.observe(7, new double[]{0.9}, new double[]{0.5});
        assertEquals(0.2 * (0.9 * 0.5 - 0.4 * 0.5), dw, 1e-15); // η[ρρ(clamped) − ρρ(free)], no 1/β
        assertEquals(-(0.9 * 0.5 - 0.4 * 0.5), rule.lastGradient(), 1e-15);
        assertTrue((Rules.named("chl").clamp() != null));
        assertFalse((Rules.named("one-sided").clamp() != null));
    }

    @Test
    void continualEpMovesEveryNudgedStepAndTelescopesToOneSided() {
        ContinualEP rule = new ContinualEP(s, 0.1);
        double[] rho = {0.30, 0.34, 0.37, 0.39, 0.40}; // ρ_i at state times 3 (free) … 7 (end of nudge); ρ_j = 1
        for (long t = 0; t < 3; t++) assertEquals(3, rule.nextSampleTime(t));
        assertEquals(4, rule.nextUpdateTime(0));
        double total = 0;
        for (int k = 0; k < rho.length; k++) {
            long t = 3 + k;
            assertEquals(t, rule.nextSampleTime(t));
            double dw = rule.observe(t, new double[]{rho[k]}, new double[]{1.0});
            if (k == 0) assertEquals(0.0, dw);
            else assertEquals(0.1 * (rho[k] - rho[k - 1]) / 0.5, dw, 1e-15); // (η/β)Δ(ρρ) each step
            total += dw;
        }
        assertEquals(0.1 * (0.40 - 0.30) / 0.5, total, 1e-15);             // = one-sided EP's update
        assertEquals(-(0.40 - 0.30) / 0.5, rule.lastGradient(), 1e-15);
        assertEquals(Long.MAX_VALUE, rule.nextSampleTime(8));
    }
}
