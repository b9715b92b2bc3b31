package io.synaptor.synapses;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built {@link NudgeSchedule}: episodes laid end to end, each with its own free and nudged
 * lengths (evaluation episodes have no nudged phase), answered by linear scans. Deliberately
 * simpler and more general than the network's PhaseSchedule.
 */
final class FakeSchedule implements NudgeSchedule {
    record Episode(long start, int free, int nudged, boolean training, double beta) {
        long end() {
            return start + free + nudged;
        }
    }

    final List<Episode> eps = new ArrayList<>();
    private long end;
    private long perEpoch = Long.MAX_VALUE;

    /** Epochs of {@code n} episodes each (default: one epoch). */
    FakeSchedule epochsOf(long n) {
        perEpoch = n;
        return this;
    }

    @Override
    public int epochOf(long episode) {
        return (int) (episode / perEpoch);
    }

    FakeSchedule train(int free, int nudged, double beta) {
        eps.add(new Episode(end, free, nudged, true, beta));
        end += free + nudged;
        return this;
    }

    FakeSchedule eval(int free) {
        eps.add(new Episode(end, free, 0, false, 0.0));
        end += free;
        return this;
    }

    @Override
    public long episodes() {
        return eps.size();
    }

    @Override
    public long episodeOfState(long t) {
        if (t == 0) return 0;
        for (int e = 0; e < eps.size(); e++) if (eps.get(e).start() < t && t <= eps.get(e).end()) return e;
        return eps.size();
    }

    @Override
    public long episodeOfStep(long t) {
        for (int e = 0; e < eps.size(); e++) if (eps.get(e).start() <= t && t < eps.get(e).end()) return e;
        return eps.size();
    }

    @Override
    public boolean isTraining(long episode) {
        return episode < eps.size() && eps.get((int) episode).training();
    }

    @Override
    public long nextTrainingEpisode(long episode) {
        for (long e = episode; e < eps.size(); e++) if (isTraining(e)) return e;
        return eps.size();
    }

    @Override
    public long start(long episode) {
        return eps.get((int) episode).start();
    }

    @Override
    public long freeSampleTime(long episode) {
        Episode ep = eps.get((int) episode);
        return ep.start() + ep.free();
    }

    @Override
    public long pointSampleTime(long episode, int k) {
        return eps.get((int) episode).end();
    }

    @Override
    public int nudgeSteps() {
        return eps.stream().filter(Episode::training).mapToInt(Episode::nudged).findFirst().orElse(1);
    }

    @Override
    public double betaAtStep(long t) {
        long e = episodeOfStep(t);
        if (e >= episodes() || !isTraining(e) || t < freeSampleTime(e)) return 0.0;
        return beta(e);
    }

    @Override
    public double beta(long episode) {
        return eps.get((int) episode).beta();
    }

    @Override
    public long endTime() {
        return end;
    }
}
