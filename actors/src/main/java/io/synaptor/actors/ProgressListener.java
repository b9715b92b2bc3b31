package io.synaptor.actors;

/** Told of each finished episode, from the probe's thread; must not block. */
@FunctionalInterface
public interface ProgressListener {
    void episode(ProbeActor.EpisodeResult result);

    /** Told once, when every actor of a one-JVM run is spawned and wired and the inputs are about to be clamped. */
    default void started() {
    }

    /** Told once, when the probe has every actor's final report, just before the run's result is complete. */
    default void finished() {
    }

    ProgressListener NONE = r -> { };
}
