package io.synaptor.scenarios;

import io.synaptor.scenarios.report.Progress;
import io.synaptor.scenarios.report.Report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import java.util.List;

/**
 * An experiment the command line can run. It declares its settings (with defaults and docs) and,
 * given resolved settings and a seed, produces a {@link Report}; it never writes files itself.
 */
public interface Scenario {
    String name();

    /** One line for {@code synaptor list}. */
    String summary();

    /** What it reproduces and what its plots show, for {@code synaptor run NAME --help}. */
    String description();

    List<Setting> settings();

    Report run(Settings settings, long seed, Progress progress);

    /**
     * Defaults that follow from the user's own choices — a data set that brings its own substrate size —
     * ranked below the user's values and above the declared defaults (and written to config.conf like
     * them); {@code user} is not validated yet. None unless a scenario says so.
     */
    default Config presets(Config user) {
        return ConfigFactory.empty();
    }

    /** Whether its simulations can go to a cluster ({@code --cluster}, {@code --local-nodes}): those built on the EP actors can. */
    default boolean runsOnCluster() {
        return true;
    }
}
