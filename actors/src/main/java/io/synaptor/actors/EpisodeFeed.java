package io.synaptor.actors;

import io.synaptor.network.ExampleOrder;
import io.synaptor.network.LabeledData;
import io.synaptor.network.PhaseSchedule;

/**
 * What the data-side actors (input source, teacher) share: which examples each episode shows,
 * from which set, and how far ahead of the network they may feed it. Owned by one actor: the
 * example order caches the epoch's permutation.
 */
final class EpisodeFeed {
    final PhaseSchedule schedule;
    private final ExampleOrder order;
    private final LabeledData train;
    private final LabeledData test;
    private final int window;

    EpisodeFeed(PhaseSchedule schedule, LabeledData train, LabeledData test, int window) {
        this.schedule = schedule;
        this.order = new ExampleOrder(schedule);
        this.train = train;
        this.test = test;
        this.window = window;
    }

    int[] examples(long episode) {
        return order.examples(episode);
    }

    /** The training set for training episodes, the test set for evaluation episodes. */
    LabeledData data(long episode) {
        return schedule.isTraining(episode) ? train : test;
    }

    /** Episodes to feed before the network has reported anything. */
    long initial() {
        return Math.min(window, schedule.episodes());
    }

    /** The episode to feed once {@code done} has been reported, or −1 if there is none. */
    long after(long done) {
        long next = done + window;
        return next < schedule.episodes() ? next : -1;
    }

    boolean isLast(long episode) {
        return episode == schedule.episodes() - 1;
    }
}
