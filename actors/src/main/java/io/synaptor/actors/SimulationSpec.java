package io.synaptor.actors;

import io.synaptor.network.LabeledData;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.scheduler.UpdateModel;

/**
 * Everything the actors of one run are built from: the network, its time line, the rule, the data
 * and the seed from which every actor's random stream is split.
 *
 * @param reset  every unit returns to rest (s = 0) at the start of each episode, on its own clock
 * @param window how many episodes the data sources may run ahead of the slowest output unit
 *               (flow control in wall-clock time only; it never changes results)
 * @param update when each unit takes its step (every step, or at random times)
 */
public record SimulationSpec(NetworkSpec network, PhaseSchedule schedule, String rule, double rate,
                             LabeledData train, LabeledData test, boolean reset, long seed, int window,
                             UpdateModel update) {

    /** Every unit updates at every step. */
    public SimulationSpec(NetworkSpec network, PhaseSchedule schedule, String rule, double rate,
                          LabeledData train, LabeledData test, boolean reset, long seed, int window) {
        this(network, schedule, rule, rate, train, test, reset, seed, window, UpdateModel.everyStep(network.size()));
    }

    public SimulationSpec {
        if (window < 1) throw new IllegalArgumentException("window must be ≥ 1");
        if (update.rates().length != network.size()) throw new IllegalArgumentException("one update rate per unit");
        if (train.size() != schedule.trainSize() || test.size() != schedule.testSize()) {
            throw new IllegalArgumentException("the schedule's data sizes do not match the data");
        }
    }
}
