package io.synaptor.scenarios.bench;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;

/**
 * Times a one-JVM run from the moment its actors are spawned, wired and told to start to the end of
 * its last episode — the simulation itself, without the actor system's start and stop.
 */
final class Stopwatch implements ProgressListener {
    private volatile long start;
    private volatile long end;

    @Override
    public void started() {
        start = System.nanoTime();
    }

    @Override
    public void episode(ProbeActor.EpisodeResult result) {
        end = System.nanoTime();
    }

    double seconds() {
        return (end - start) / 1e9;
    }
}
