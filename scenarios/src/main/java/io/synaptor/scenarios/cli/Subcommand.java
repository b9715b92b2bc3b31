package io.synaptor.scenarios.cli;

import java.util.concurrent.Callable;

/**
 * A picocli command that another module adds to {@code synaptor} (annotated with {@code @Command} and
 * registered with {@code @AutoService(Subcommand.class)}): {@code synaptor bench} lives in the
 * {@code bench} module, so that JMH and the baseline actors stay off the library's class path.
 */
public interface Subcommand extends Callable<Integer> {
}
