package io.synaptor.synapses;

/**
 * Centered (symmetric) equilibrium propagation (Laborieux et al. 2021, eq. 4; REFERENCES.md):
 * dL/dW_ij ≈ −(1/2β)[ρ_iρ_j(s^{+β}) − ρ_iρ_j(s^{−β})], bias O(β²); ΔW = −η·(that estimate),
 * averaged over the minibatch. Needs a symmetric schedule: the +β phase, then a −β phase that
 * restarts from the free state. The weight moves at the end of the −β phase.
 */
public final class CenteredEP extends TwoSampleRule {
    public CenteredEP(NudgeSchedule schedule, double rate) {
        super(schedule, rate, schedule::nudgedSampleTime, schedule::counterNudgedSampleTime);
        if (schedule.nextTrainingEpisode(0) < schedule.episodes()
                && schedule.counterNudgedSampleTime(schedule.nextTrainingEpisode(0)) < 0) {
            throw new IllegalArgumentException("centered EP needs a symmetric schedule (+β then −β)");
        }
    }

    @Override
    double estimate(double plus, double minus, long episode) {
        return -(plus - minus) / (2.0 * schedule.beta(episode));
    }
}
