/**
 * The simulator: a switch driven by the scenario model ({@code pacing-benchmark/1}), virtual agents, an in-memory
 * store and the scenario runner ({@link org.outdial.sim.ScenarioRunner}), all in virtual time from one seed, around the
 * real engine.
 */
package org.outdial.sim;
