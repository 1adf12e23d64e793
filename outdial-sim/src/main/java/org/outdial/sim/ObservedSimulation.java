package org.outdial.sim;

import java.nio.file.Path;
import java.util.function.ObjLongConsumer;
import org.outdial.engine.Command;

/**
 * Runs one scenario of a scenario file in virtual time and hands every command the engine emits, with its event time,
 * to an observer: for benchmarks of what consumes the engine's publications (the feeds).
 */
public final class ObservedSimulation {

    private ObservedSimulation() {}

    /**
     * @return events the engine handled
     * @throws ScenarioException when the file or the id is wrong
     */
    public static long run(Path scenarios, String id, String policy, long seed, ObjLongConsumer<Command> observer) {
        Scenario scenario = ScenarioFile.read(scenarios).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new ScenarioException("no scenario '" + id + "' in " + scenarios));
        Simulation simulation = new Simulation(scenario, policy, seed, false).observe(observer);
        simulation.run();
        return simulation.events();
    }
}
