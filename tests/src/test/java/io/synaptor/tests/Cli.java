package io.synaptor.tests;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.synaptor.scenarios.cli.Synaptor;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the synaptor command line in-process, exactly as ./synaptor does after building. */
final class Cli {
    private Cli() {
    }

    record Result(int exit, String out, String err, Path dir) {
        Config summary() {
            return ConfigFactory.parseFile(dir.resolve("summary.json").toFile());
        }

    }

    static Result run(Path out, String... args) {
        return run(out, OutputStream.nullOutputStream(), args);
    }

    /** As {@link #run(Path, String...)}, with every byte the command prints also written to {@code watch} as it comes. */
    static Result run(Path out, OutputStream watch, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (out != null) {
            all.add("--out");
            all.add(out.toString());
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                o.write(b);
                watch.write(b);
            }
        };
        int code = Synaptor.execute(all.toArray(String[]::new), new PrintStream(tee, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8), out);
    }

    /** {@code a} followed by {@code b}: a command line with more options. */
    static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }

    /**
     * Runs the command line in-process as {@link #run} does, and kills {@code victim} (SIGKILL: a node
     * vanishes without leaving the cluster) when the run prints a line that starts with {@code cue}; the
     * printing thread waits until the process is gone, so the kill lands at the same point of every run.
     */
    static Result runKilling(Path dir, String cue, Process victim, List<String> args) {
        OutputStream watch = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();
            private boolean killed;

            @Override
            public synchronized void write(int b) {
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                if (!killed && line.toString(StandardCharsets.UTF_8).startsWith(cue)) {
                    killed = true;
                    victim.destroyForcibly();
                    victim.onExit().join();
                }
                line.reset();
            }
        };
        Result r = run(dir, watch, args.toArray(String[]::new));
        org.junit.jupiter.api.Assertions.assertFalse(victim.isAlive(), "the run printed '" + cue + "' and the node was killed");
        return r;
    }

    /**
     * A summary's message count less its drive clocks: their number depends on how a synapse's two
     * ends' messages were batched once units settle to the last bit (state clocks) — the values never
     * do — so runs that must agree compare this.
     */
    static long withoutDriveClocks(com.typesafe.config.Config summary) {
        return summary.getLong("messages") - summary.getLong("messages_by_kind.drive_clock");
    }

    /**
     * What must be the same bits on any number of threads: the summary less the wall clock, the thread count and
     * the message counts (which include clock promises that depend on thread timing).
     */
    static java.util.Map<String, Object> threadIndependent(com.typesafe.config.Config summary) {
        java.util.Map<String, Object> m = new java.util.TreeMap<>(summary.root().unwrapped());
        for (String k : java.util.List.of("wall_seconds", "actor_seconds", "runtime.threads", "messages")) m.remove(k);
        m.keySet().removeIf(k -> k.startsWith("messages_by_kind"));
        return m;
    }
}
