package io.synaptor.tests;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.synaptor.scenarios.Synaptor;

import java.io.ByteArrayOutputStream;
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
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (out != null) {
            all.add("--out");
            all.add(out.toString());
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Synaptor.execute(all.toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8), out);
    }
}
