package io.synaptor.scenarios.cli;

import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.RunFailed;
import io.synaptor.scenarios.data.DataSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code synaptor data list} and {@code synaptor data install NAME}: the image data sets the scale scenarios need. */
@Command(name = "data", description = "List the data sets (installed or not, and how to install them), or install one.")
final class DataCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list | install")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "mnist | fashion-mnist")
    String name;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        switch (action) {
            case "list" -> {
                for (String n : DataSets.NAMES) {
                    boolean ok = DataSets.installed(n);
                    out.printf("%-14s %s%n", n, ok ? "installed (" + DataSets.files(n).trainImages().getParent() + ")"
                            : "not installed — install with: " + DataSets.howToInstall(n));
                }
                return 0;
            }
            case "install" -> {
                if (name == null || !DataSets.NAMES.contains(name)) {
                    throw new BadInput("synaptor data install needs one of " + String.join(", ", DataSets.NAMES));
                }
                if (name.equals("fashion-mnist")) {
                    if (DataSets.installed(name)) {
                        out.println("fashion-mnist is installed (" + DataSets.files(name).trainImages().getParent() + ")");
                        return 0;
                    }
                    if (!DataSets.canInstallPackages()) {
                        throw new BadInput("fashion-mnist comes from Debian's package " + DataSets.FASHION_PACKAGE
                                + "; install it with: " + DataSets.howToInstall(name));
                    }
                    install(name, () -> DataSets.installFashionMnist(System.out));
                    if (!DataSets.installed(name)) {
                        throw new RunFailed("apt-get installed " + DataSets.FASHION_PACKAGE + " but its IDX files are not in "
                                + DataSets.files(name).trainImages().getParent() + " (SYNAPTOR_FASHION_MNIST points elsewhere?)", null);
                    }
                    out.println("installed fashion-mnist (" + DataSets.files(name).trainImages().getParent() + ")");
                    return 0;
                }
                install(name, () -> DataSets.installMnist(System.out));
                return 0;
            }
            default -> throw new BadInput("synaptor data: unknown action '" + action + "' (list or install)");
        }
    }

    /** An installation that downloads or calls a package manager. */
    private interface Installation {
        void run() throws IOException, InterruptedException;
    }

    /** Runs {@code installation} of data set {@code set}; a failure becomes one sentence naming the set. */
    private static void install(String set, Installation installation) {
        try {
            installation.run();
        } catch (IOException e) {
            throw new RunFailed("could not install " + set + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailed("interrupted while installing " + set, e);
        }
    }
}
