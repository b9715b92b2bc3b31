package io.synaptor.actors;

/** Told of each finished episode, from the probe's thread; must not block. */
@FunctionalInterface
public interface ProgressListener {
    void episode(ProbeActor.EpisodeResult result);

    ProgressListener NONE = r -> { };
}
