package io.synaptor.scenarios;

import com.typesafe.config.ConfigFactory;
import io.synaptor.scenarios.bench.MessagingBenchmark;
import io.synaptor.scenarios.bench.SendOnDeltaBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "bench", description = "Run a benchmark; results are ratios measured side by side in one run.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "messaging: simulator messages/s beside a raw Pekko fan-out; "
            + "send-on-delta: state messages with and without a send threshold on the gradient-check net")
    String name;

    @Option(names = "--threshold", description = "send-on-delta: the send threshold (default 1e-4)")
    double threshold = 1e-4;

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
        if (name.equals("send-on-delta")) return sendOnDelta();
        if (!name.equals("messaging")) throw new BadInput("unknown benchmark '" + name + "' (known: messaging, send-on-delta)");
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

    private int sendOnDelta() {
        if (!(threshold > 0 && threshold <= 1)) throw new BadInput("--threshold must lie in (0, 1], got " + threshold);
        Scenario check = Scenarios.find("gradient-check");
        SendOnDeltaBenchmark.Report report = SendOnDeltaBenchmark.run(threshold, extra -> {
            Settings settings = Settings.resolve(check.name(), check.settings(), ConfigFactory.parseMap(extra));
            return check.run(settings, 1, Progress.silent()).metrics();
        }, System.out);
        spec.commandLine().getOut().println(report.render());
        return 0;
    }
}
