package io.synaptor.tests;

import io.synaptor.scenarios.cli.Synaptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare {@code synaptor node} JVM for the cluster tests of start-up errors; clusters that run
 * scenarios are {@link io.synaptor.scenarios.LocalNodes}, whose nodes choose their own ports.
 */
final class NodeJvms {
    private NodeJvms() {
    }

    static Process node(String... args) throws IOException {
        return node(List.of(), args);
    }

    static Process node(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Synaptor.class.getName(), "node"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
