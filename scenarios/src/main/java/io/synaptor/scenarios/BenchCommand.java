package io.synaptor.scenarios;

import io.synaptor.scenarios.bench.MessagingBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "bench", description = "Run a benchmark; results are ratios measured side by side in one run.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "messaging: simulator messages/s beside a raw Pekko fan-out")
    String name;

    @Option(names = "--units", description = "units in the network (default 1000)")
    int units = 1000;

    @Option(names = "--degree", description = "synapses per unit (default 10)")
    int degree = 10;

    @Option(names = "--steps", description = "relaxation steps (default 300)")
    int steps = 300;

    @Option(names = "--threads", description = "dispatcher threads (default 2)")
    int threads = 2;

    @Override
    public Integer call() {
        if (!name.equals("messaging")) throw new BadInput("unknown benchmark '" + name + "' (known: messaging)");
        if (units < 20 || degree < 1 || steps < 1 || threads < 1) throw new BadInput("--units ≥ 20, --degree, --steps and --threads ≥ 1");
        var out = spec.commandLine().getOut();
        MessagingBenchmark.Report report;
        try {
            report = MessagingBenchmark.run(units, degree, steps, threads, System.out);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        out.println(report.render());
        return 0;
    }
}
