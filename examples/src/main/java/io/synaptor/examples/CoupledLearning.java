package io.synaptor.examples;

import com.google.auto.service.AutoService;
import io.synaptor.synapses.LearningRule;
import io.synaptor.synapses.NudgeSchedule;
import io.synaptor.synapses.OneSidedEP;
import io.synaptor.synapses.OutputClamp;
import io.synaptor.synapses.RuleProvider;

/**
 * Coupled learning (Stern, Hexner, Rocks &amp; Liu 2021, "Supervised learning in physical networks:
 * from machine learning to learning machines", PRX 11, 021045; the "CpL" rule of Scellier et al.
 * 2023's comparison): after the free phase the output units are clamped a fraction η of the way
 * from their free state to the target,
 * <pre>  s_out^C = (1 − η)·s_out^F + η·y,</pre>
 * the rest of the network relaxes again, and every coupling moves by the difference of its two
 * local correlations,
 * <pre>  ΔW_ij = (α/η)·[ρ_iρ_j(s^C) − ρ_iρ_j(s^F)]</pre>
 * (a bias: a coupling to ρ ≡ 1). η is the episode's nudge β ({@code learning.beta}) and α the
 * learning rate. η = 1 is contrastive Hebbian learning ({@code chl}); small η is the regime Stern
 * et al. study, where the update approximates a gradient step on the output error.
 *
 * <p>The synapse-local arithmetic is one-sided EP's (sample ρ_iρ_j at the end of each phase, move
 * by rate·(second − first)/β), so the rule reuses {@link OneSidedEP}; what differs is only where the
 * outputs sit during the second phase, which {@link #clamp()} tells the units. This file is the
 * whole plug-in: {@code @AutoService} lists it for {@link java.util.ServiceLoader}, and
 * {@code learning.rule = coupled-learning} picks it.
 */
@AutoService(RuleProvider.class)
public final class CoupledLearning implements RuleProvider {
    @Override
    public String name() {
        return "coupled-learning";
    }

    @Override
    public String description() {
        return "coupled learning (Stern et al. 2021): outputs clamped to (1 − β)·free + β·target";
    }

    /** s^C = (1 − η)·s^F + η·y with η = β: fixed once per example from the free state the phase starts in. */
    @Override
    public OutputClamp clamp() {
        return (free, target, beta) -> (1.0 - beta) * free + beta * target;
    }

    @Override
    public LearningRule create(NudgeSchedule schedule, double rate) {
        return new OneSidedEP(schedule, rate);
    }
}
