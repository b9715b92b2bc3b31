package io.synaptor.synapses;

import io.synaptor.neurons.PluginRegistry;

import java.util.List;

/**
 * The learning rules on the class path, by their setting name ({@code learning.rule}): every
 * {@link RuleProvider} {@link java.util.ServiceLoader} finds, the built-in ones and any plug-in's.
 */
public final class Rules {
    private Rules() {
    }

    private static final PluginRegistry<RuleProvider> PROVIDERS = new PluginRegistry<>(RuleProvider.class, "learning rule", RuleProvider::name);

    /** The names of the rules found, sorted. */
    public static List<String> names() {
        return PROVIDERS.names();
    }

    /** The rule called {@code name}; an unknown name is an error that lists the known ones. */
    public static RuleProvider named(String name) {
        return PROVIDERS.named(name);
    }

    /** The rule, learning at {@code rate}, with the optimizer's steps (plain or {@link AdaptiveStep}, decaying per epoch). */
    public static LearningRule create(String name, NudgeSchedule schedule, double rate, Optimizer optimizer) {
        return optimizer.wrap(create(name, schedule, rate), schedule, rate);
    }

    /**
     * The rule of a block of weights on the block's clock, cell k learning at rates[k] (one cell per
     * coupling): one-sided and centered EP ({@link TwoSampleBlock}) and multiplexed EP keep their state in
     * arrays; the other rules are one object per weight.
     */
    public static BlockRule createBlock(String name, NudgeSchedule clock, double[] rates, Optimizer optimizer) {
        if (rates.length == 0) throw new IllegalArgumentException("a block needs at least one weight");
        BlockRule block;
        LearningRule first = create(name, clock, rates[0]);
        if (first instanceof TwoSampleRule rule) {
            block = new TwoSampleBlock(rule, rates);
        } else if (first instanceof MultiplexedEP rule) {
            block = rule.block(rates);
        } else {
            LearningRule[] rules = new LearningRule[rates.length];
            for (int k = 0; k < rates.length; k++) rules[k] = create(name, clock, rates[k]);
            block = BlockRule.perWeight(rules);
        }
        return optimizer.wrap(block, clock, rates);
    }

    public static LearningRule create(String name, NudgeSchedule schedule, double rate) {
        return named(name).create(schedule, rate);
    }
}
