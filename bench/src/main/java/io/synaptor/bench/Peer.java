package io.synaptor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A peer a benchmark runs beside the simulator (issue 22): a Python script of the same dynamics in the project's
 * bench/peers/, run by a python3 that has the script's module (PyTorch, Brian2). The script's last line is one
 * JSON object of flat numbers or key=value words; {@link #run} returns its numbers. Where the interpreter, the module or the script is missing,
 * {@link #missing} says what, and the benchmark prints its own figures without the ratio.
 */
public final class Peer {
    private final String python;
    private final Path script;
    private final String missing;

    private Peer(String python, Path script, String missing) {
        this.python = python;
        this.script = script;
        this.missing = missing;
    }

    /**
     * @param scriptName the script in bench/peers/
     * @param module     the Python module it needs (import name)
     * @param debian     the Debian package that provides it, for the message
     */
    public static Peer find(String scriptName, String module, String debian) {
        Path root = root();
        Path script = root == null ? null : root.resolve("bench/peers").resolve(scriptName);
        if (script == null || !Files.isRegularFile(script)) return new Peer(null, null, "bench/peers/" + scriptName + " is not beside this build");
        // The Debian interpreter first: its packages (python3-torch, python3-brian) are what the docs install.
        List<String> candidates = new ArrayList<>();
        String given = System.getenv("SYNAPTOR_PYTHON");
        if (given != null && !given.isBlank()) candidates.add(given);
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) return new Peer(python, script, null);
            } catch (IOException e) {
                // not this interpreter
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Peer(null, script, "no python3 with " + module + " (Debian: apt-get install " + debian + ", or set SYNAPTOR_PYTHON)");
    }

    /**
     * The repository this build runs from: the nearest folder holding bench/peers above this class's jar (or
     * classes), else above the working directory (tests run in tests/ against the installed jars), or null.
     */
    private static Path root() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(Peer.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // no code source: the working directory only
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) if (Files.isDirectory(p.resolve("bench/peers"))) return p;
        }
        return null;
    }

    /** Null if the peer can run, else why not (one phrase). */
    public String missing() {
        return missing;
    }

    /** Runs the script with these arguments; its last stdout line as numbers. */
    public Map<String, Double> run(List<String> args) {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException("the peer " + script.getFileName() + " failed (exit " + p.exitValue() + "): " + command);
            String[] lines = out.strip().split("\n");
            return flatNumbers(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new IllegalStateException("could not run the peer " + script.getFileName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the peer ran", e);
        }
    }

    /** The numbers of a flat JSON object (HOCON reads JSON), or of a line of key=value words. */
    static Map<String, Double> flatNumbers(String line) {
        Map<String, Double> out = new java.util.TreeMap<>();
        if (!line.startsWith("{")) {
            for (String word : line.trim().split("\\s+")) {
                int eq = word.indexOf('=');
                if (eq <= 0) continue;
                try {
                    out.put(word.substring(0, eq), Double.parseDouble(word.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // a word, not a number
                }
            }
            return out;
        }
        com.typesafe.config.Config c = com.typesafe.config.ConfigFactory.parseString(line);
        for (var e : c.entrySet()) {
            if (e.getValue().unwrapped() instanceof Number n) out.put(e.getKey(), n.doubleValue());
        }
        return out;
    }
}
