package io.synaptor.scenarios.report;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/**
 * Reports a long run: a progress bar on a terminal, plain lines otherwise (DESIGN.md). Calls may
 * come from an actor's thread, so every method is cheap and synchronised.
 */
public final class Progress implements AutoCloseable {
    private final PrintWriter out;
    private final boolean terminal;
    private final boolean quiet;
    private ProgressBar bar;

    private Progress(PrintWriter out, boolean terminal, boolean quiet) {
        this.out = out;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** Lines go to {@code out}; the bar, on a terminal only, to the console. */
    public static Progress to(PrintWriter out) {
        return new Progress(out, System.console() != null, false);
    }

    public static Progress silent() {
        return new Progress(new PrintWriter(PrintWriter.nullWriter()), false, true);
    }

    public synchronized void start(String task, long total) {
        if (terminal && !quiet) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.out)).setUpdateIntervalMillis(200).build();
        }
    }

    public synchronized void step() {
        if (bar != null) bar.step();
    }

    /** A line worth reading: printed, or on a terminal its brief form shown beside the bar. */
    public synchronized void line(String text, String brief) {
        if (quiet) return;
        if (bar != null) bar.setExtraMessage(" " + brief);
        else {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
