package io.synaptor.scenarios;

import com.typesafe.config.ConfigFactory;
import io.synaptor.actors.SimulationDiverged;
import io.synaptor.actors.SimulationStalled;
import io.synaptor.scenarios.bench.MessagingBenchmark;
import io.synaptor.scenarios.bench.RelaxBenchmark;
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
            + "send-on-delta: state messages with and without a send threshold on the gradient-check net; "
            + "relax: block-granularity relaxation beside a single-threaded dense EJML one")
    String name;

    @Option(names = "--threshold", description = "send-on-delta: the send threshold (default 1e-4)")
    double threshold = 1e-4;

    @Option(names = "--layers", split = ",", description = "relax: units per layer (default 784,500,10)")
    int[] layers = {784, 500, 10};

    @Option(names = "--batch", description = "relax: minibatch (default 100)")
    int batch = 100;

    @Option(names = "--block-size", description = "relax: units per slice (default 100)")
    int blockSize = 100;

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
        if (name.equals("relax")) return relax();
        if (!name.equals("messaging")) throw new BadInput("unknown benchmark '" + name + "' (known: messaging, send-on-delta, relax)");
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

    private int relax() {
        if (layers.length < 2 || java.util.Arrays.stream(layers).anyMatch(n -> n < 1) || batch < 1 || blockSize < 1 || steps < 1 || threads < 1) {
            throw new BadInput("relax needs --layers of at least two positive sizes, and positive --batch, --block-size, --steps, --threads");
        }
        try {
            spec.commandLine().getOut().println(RelaxBenchmark.run(layers, batch, steps, blockSize, threads, System.out).render());
        } catch (SimulationDiverged | SimulationStalled e) {
            throw new RunFailed("the relaxation failed: " + e.getMessage(), e);
        }
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
