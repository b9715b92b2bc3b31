package io.synaptor.bench;

import io.synaptor.actors.ProbeActor;
import io.synaptor.actors.ProgressListener;

import java.lang.management.ManagementFactory;

/**
 * Times a one-JVM run from the moment its actors are spawned, wired and told to start to the end of
 * its last episode — the simulation itself, without the actor system's start and stop — in wall
 * time and in the process's CPU time (all threads: how many cores the run kept busy).
 */
final class Stopwatch implements ProgressListener {
    private volatile long start;
    private volatile long end;
    private volatile long cpuStart;
    private volatile long cpuEnd;

    @Override
    public void started() {
        cpuStart = processCpuNanos();
        start = System.nanoTime();
    }

    @Override
    public void episode(ProbeActor.EpisodeResult result) {
        end = System.nanoTime();
        cpuEnd = processCpuNanos();
    }

    double seconds() {
        return (end - start) / 1e9;
    }

    double cpuSeconds() {
        return (cpuEnd - cpuStart) / 1e9;
    }

    /**
     * CPU time of the whole process so far (every thread: dispatcher, GC, compiler), in ns, or 0
     * where the JVM does not tell.
     */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
