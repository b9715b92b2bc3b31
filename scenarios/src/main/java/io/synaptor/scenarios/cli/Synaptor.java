package io.synaptor.scenarios.cli;

import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.RunFailed;
import io.synaptor.scenarios.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ServiceLoader;

/**
 * The {@code synaptor} command line. Exit codes: 0 success, 2 bad input, 3 the run failed
 * (divergence), 1 anything unexpected. Errors are one sentence on stderr, never only a stack trace.
 */
@Command(name = "synaptor", mixinStandardHelpOptions = true, version = "synaptor 0.1.0",
        description = "An actor-based, asynchronous simulator of physical learning systems.",
        subcommands = {ListCommand.class, RunCommand.class, NodeCommand.class, TraceCommand.class, DataCommand.class})
public final class Synaptor implements Runnable {
    public static final int BAD_INPUT = 2;
    public static final int RUN_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static {
        // Initialise SLF4J before any actor system exists: otherwise two threads can race it and it
        // prints a "logging calls intercepted during initialization" notice on stderr.
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Synaptor());
        for (Subcommand c : ServiceLoader.load(Subcommand.class, Synaptor.class.getClassLoader())) cl.addSubcommand(c); // e.g. bench
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("synaptor: " + describe(ex));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof BadInput) {
                err.println("synaptor: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof RunFailed) {
                err.println("synaptor: " + ex.getMessage());
                return RUN_FAILED;
            }
            err.println("synaptor: unexpected failure: " + ex);
            if (System.getenv("SYNAPTOR_DEBUG") != null) ex.printStackTrace(err);
            else err.println("(set SYNAPTOR_DEBUG=1 for the stack trace)");
            return 1;
        });
        return cl.execute(args);
    }

    /** A misspelt command gets the nearest one ("did you mean"); other parse errors keep picocli's sentence. */
    private static String describe(CommandLine.ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            String typed = u.getUnmatched().get(0);
            java.util.Set<String> commands = cmd.getSubcommands().keySet();
            return "unknown command '" + typed + "'" + Suggest.didYouMean(typed, commands)
                    + " (commands: " + String.join(", ", commands) + ")";
        }
        return ex.getMessage();
    }
}
