/** The simulated switch, virtual agents and the scenario runner (filled by the engine work). */
package org.outdial.sim;
