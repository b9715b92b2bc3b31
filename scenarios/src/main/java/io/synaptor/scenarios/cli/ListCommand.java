package io.synaptor.scenarios.cli;

import io.synaptor.scenarios.Scenario;
import io.synaptor.scenarios.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "list", description = "List the scenarios.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        int width = Scenarios.all().stream().mapToInt(s -> s.name().length()).max().orElse(1);
        for (Scenario s : Scenarios.all()) {
            String mark = s == Scenarios.defaultScenario() ? " (default)" : "";
            out.printf("%-" + width + "s  %s%s%n", s.name(), s.summary(), mark);
        }
        out.println();
        out.println("Run one with: synaptor run NAME [--set key=value]... [--seed N] [--out DIR]");
        out.println("Its settings: synaptor run NAME --help");
        return 0;
    }
}
