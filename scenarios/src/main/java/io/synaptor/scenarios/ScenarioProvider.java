package io.synaptor.scenarios;

import java.util.List;

/**
 * Scenarios as a plug-in: {@code synaptor list} and {@code synaptor run NAME} find every provider
 * {@link java.util.ServiceLoader} sees on the class path ({@code @AutoService(ScenarioProvider.class)},
 * or a line in {@code META-INF/services/io.synaptor.scenarios.ScenarioProvider}).
 */
public interface ScenarioProvider {
    /** Its scenarios, in the order {@code synaptor list} shows them. */
    List<Scenario> scenarios();
}
