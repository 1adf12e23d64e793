/** Agents and agent groups. */
package org.outdial.agent;
